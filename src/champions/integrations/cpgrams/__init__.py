"""CPGRAMS two-way sync: the connector (`client`), the inbound pull (`inbound`) and a sandbox
server (`sandbox`) that stands in for the real, non-public API. See docs/CPGRAMS.md."""
