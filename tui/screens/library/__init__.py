"""The library screen: a folder of cases as a list, filtered, sorted and searched."""
