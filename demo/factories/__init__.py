"""Factories shared by the test suite and the demo site (factory-boy, wagtail-factories, Faker vi_VN).

`accounts` makes personal accounts in the groups the migrations created; `pages` the site tree
and every page type with believable Vietnamese content.
"""
