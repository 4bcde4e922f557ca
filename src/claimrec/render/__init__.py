"""Renderers: graph in, text out. They never compute facts, only show them."""
