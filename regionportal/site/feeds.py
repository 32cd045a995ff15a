"""The Atom feed of the public change log (regionportal.site.public_changes), in the language of
its address, like the page it comes from."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from projects.feeds import FEED_LENGTH

from . import public_changes


class ChangesFeed(Feed):
    """The latest entries of the change log, newest first: each with its id, date, title
    ("InnovaSPA – …: Status: Approved → In implementation") and a link to the record's public
    page, or, for a record that has none (withdrawn), to the entry on the log's page."""

    feed_type = Atom1Feed

    def title(self):
        return _("Changes to the portal's projects – Savinjska region")

    def subtitle(self):
        return _(
            "Projects published or withdrawn, and changes to their status, budget, partners and "
            "sources."
        )

    def link(self):
        return reverse("changes")

    def feed_url(self):
        return reverse("changes-feed")

    def items(self):
        return public_changes.entries()[:FEED_LENGTH]

    def item_title(self, entry):
        return f"{entry.record_name}: {entry.text}"

    def item_description(self, entry):
        return None

    def item_link(self, entry):
        return entry.url or f"{reverse('changes')}#{entry.anchor}"

    def item_guid(self, entry):
        # The same change keeps its id while the record's page comes and goes.
        return f"{reverse('changes')}#{entry.anchor}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return entry.time

    def item_updateddate(self, entry):
        return entry.time
