"""Check that the web addresses the portal cites still answer, and record what they answer."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regionportal.base import links
from regionportal.base.models import LinkCheck


class Command(BaseCommand):
    help = (
        "Check the web address of every source and project link (HEAD, or GET where HEAD is "
        "refused, following redirects) and record for each address its HTTP status or error. "
        "The admin's index lists the sources whose address did not answer."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout",
            type=float,
            default=links.DEFAULT_TIMEOUT,
            help=f"Seconds to wait for each answer (default: {links.DEFAULT_TIMEOUT:g}).",
        )
        parser.add_argument(
            "--pause",
            type=float,
            default=links.DEFAULT_PAUSE,
            help=(f"Seconds between two requests to one host (default: {links.DEFAULT_PAUSE:g})."),
        )
        parser.add_argument(
            "--only-failed",
            action="store_true",
            help="Check only the addresses that did not answer the last time.",
        )

    def handle(self, *args, timeout, pause, only_failed, **options):
        urls = links.cited_addresses()
        if only_failed:
            failed = set(
                LinkCheck.objects.filter(answered=False, url__in=urls).values_list("url", flat=True)
            )
            urls = [url for url in urls if url in failed]
        checks = links.check_links(urls, timeout=max(timeout, 0.1), pause=max(pause, 0.0))
        not_answering = [check for check in checks if not check.answered]
        for check in not_answering:
            self.stdout.write(f"  {check.status_code or check.get_error_display()}  {check.url}")
        checked = ngettext(
            "Checked %(count)d address", "Checked %(count)d addresses", len(checks)
        ) % {"count": len(checks)}
        failing = ngettext(
            "%(count)d does not answer", "%(count)d do not answer", len(not_answering)
        ) % {"count": len(not_answering)}
        self.stdout.write(_("%(checked)s, %(failing)s.") % {"checked": checked, "failing": failing})
