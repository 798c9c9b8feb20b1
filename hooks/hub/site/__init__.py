"""The pages: one module per kind in pages/, the HTML in templates/, and the one module that talks to MkDocs."""
