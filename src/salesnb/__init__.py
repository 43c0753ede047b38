"""salesnb: a workbook for sales and customer-service analytics.

``load_company(path)`` reads a company dataset; the modules named for the articles' methods
(``kano``, ``abcxyz``, ``lifecycle``, ``segments``, ``overview``) compute on its tables.
"""
from . import periods
from .company import Company, load_company
from .errors import DataError, DataWarning, Problem
from .record import record

__version__ = "0.1.0"

__all__ = ["Company", "DataError", "DataWarning", "Problem", "load_company", "record", "__version__"]
