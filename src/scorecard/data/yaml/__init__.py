"""Safe YAML reading that remembers where every value was written.

PyYAML composes the node tree (with libyaml when it is there); we construct the
values ourselves by walking the nodes, so that:

- only YAML's plain types are ever built (text, whole numbers, numbers,
  true/false, null, dates, lists, mappings); any other tag is a problem;
- a key written twice in one mapping is a problem;
- aliases cannot blow up memory or loop forever (a node budget and a check for
  cycles);
- every value, item and key gets its 1-based line and column;
- plain scalars are typed by YAML 1.2's rules, as editors with
  yaml-language-server read them (``no``, ``on``, ``0755`` and ``1:30`` are what
  they look like), so that a file the editor accepts is one ``validate``
  accepts;
- the original text of every plain scalar that YAML turned into something
  other than text is kept, so that messages can say "YAML read true as the
  boolean true".

The package is in three parts:

- ``document``: what a parsed file is (``YamlDoc``), the ``INVALID`` marker for
  a value that could not be built, and dotted field names;
- ``scalars``: YAML's plain tags, turning a plain scalar's text into its value,
  and saying in words what YAML made of it;
- ``reader``: composing the node tree safely and walking it into values with
  positions (``parse``, ``parse_text``, ``decode``) within the size limits.

Nothing here raises for bad input: problems are collected in ``YamlDoc.problems``.
"""
