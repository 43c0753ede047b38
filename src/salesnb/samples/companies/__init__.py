"""The sample companies' specs, one module per company (PL: specyfikacje przykładowych firm).

Each module holds a ``spec()`` (the dict :func:`salesnb.samples.engine.build` turns into a
company) and its generator, e.g. :func:`salesnb.samples.companies.it_services.it_services`,
which :mod:`salesnb.samples` re-exports. The registry by name is
:data:`salesnb.samples.registry.SAMPLES`. The modules live in this subpackage so that
``salesnb.samples.it_services`` stays the generator function rather than a module.
"""
