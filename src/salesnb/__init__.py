"""salesnb: a workbook for sales and customer-service analytics.

``load_company(path)`` reads a company dataset; the modules named for the articles' methods
(``kano``, ``abcxyz``, ``lifecycle``, ``segments``, ``overview``) compute on its tables.
"""
from . import periods
from .company import Company, load_company
from .errors import DataError, DataWarning, ParameterError, Problem
from .record import record

__version__ = "0.1.0"

__all__ = ["Company", "DataError", "DataWarning", "ParameterError", "Problem", "load_company", "periods", "record",
           "__version__"]
