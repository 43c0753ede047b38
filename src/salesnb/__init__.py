"""salesnb: a workbook for sales and customer-service analytics."""
__version__ = "0.1.0"
