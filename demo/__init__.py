"""The demo site of xã Tân Cương (`manage.py seed_demo`), built on the factories the tests share.

Installed by the development and test settings only: production never seeds demo content.
"""
