"""Interchange: the `sakip-dataset/1` format in (impor) and out (ekspor), above every domain app."""
