"""termkit: segment, align and extract terminology from French-English institutional texts.

Importing the package loads no model and reads no file; each stage is imported on use.
"""
__version__ = "0.1.0"
__all__ = ["__version__"]
