"""Words and view models shared by the terminal, the web pages and the report (HTML and PDF).

Pure: no I/O and no interface framework. A heading, a dose line or a player's words are written
here (or in the content files) once; every interface lays them out, none keeps its own copy.
"""
