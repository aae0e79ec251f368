"""The default knowledge base, shipped inside the package as factlint._kb (see kb/README.md)."""
