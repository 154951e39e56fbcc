"""kazkg: knowledge graphs from Kazakh, Russian and English social-science literature.

>>> import kg
>>> kg.__version__
'0.1.0'
"""

__version__ = "0.1.0"
