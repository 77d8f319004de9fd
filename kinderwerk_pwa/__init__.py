"""Kinderwerk PWA."""
