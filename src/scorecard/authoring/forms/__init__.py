"""Reading a filled form back into its record (``scorecard take``): ``read`` gets the
identity and the values out of the PDF, ``edit`` writes values into the record's YAML
by position (every other byte as it was), ``take`` checks and writes."""
