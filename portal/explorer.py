"""The page explorer of a section with thousands of children (issue 18: flat admin costs).

Wagtail's explorer restricts every listing to the pages the user may explore with
`id IN (<every explorable page of the site>)`: for the board, whose permissions sit at the root,
that subquery is the whole tree (31,000 pages at the bench's volume), joined to the section's
children twice per request (the paginator's count and the page of rows). When the section lies
inside one of the user's permission roots, every child is explorable by Wagtail's own rule
(`PagePermissionPolicy.explorable_instances`: the descendants of the pages they hold an explore
permission on), so the restriction is dropped and the listing reads the section's children only.
The `construct_explorer_page_queryset` hooks still run (confidential documents stay hidden
outside the board), and searching or filtering, which may read the whole tree, keeps Wagtail's
restriction.

Content apps register a `SectionPageViewSet` for their article type (its parent, which allows
only that type, then uses it for its explorer); the index is ordered by Wagtail's default (the
latest revision first) on an index (news migration 0003), and lists `SECTION_ROWS` rows a page.
"""

from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

# Wagtail lists 50 pages at a time; each row of the explorer costs as much template as a small
# page (buttons, status, dates), so a section of thousands shows the newest 25, and more by
# paging, searching or filtering.
SECTION_ROWS = 25


class SectionExplorerView(ExplorableIndexView):
    """Wagtail's explorer, without the whole-tree permission subquery where it cannot exclude anything."""

    def children_all_explorable(self):
        """Whether the user may explore every child of the section, by Wagtail's rule."""
        user = self.request.user
        if not user.is_active:
            return False
        parent_path = self.parent_page.path
        return any(
            parent_path.startswith(page.path)
            for page in self.permission_policy.instances_with_direct_explore_permission(user)
        )

    def get_base_queryset(self):
        if self.is_searching or self.is_filtering or not self.children_all_explorable():
            return super().get_base_queryset()
        # The section allows only this page type, so its children are read from Wagtail's table
        # alone (no join to the type's table); `.specific()` loads the rows shown.
        return self.annotate_queryset(Page.objects.child_of(self.parent_page))


class SectionPageViewSet(PageViewSet):
    """The admin views of a section's article type, with the explorer above for its parent."""

    index_view_class = SectionExplorerView
    list_per_page = SECTION_ROWS
