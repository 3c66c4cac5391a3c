"""Every record file this project defines, recognised and checked in one place.

``hwc-selfcheck validate`` and the downloads of JSON Schemas use it. It sits
above the rules packages because it dispatches to each of their readers.
"""
