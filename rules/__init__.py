"""The built-in rules, shipped inside the package as factlint._rules."""
