"""Print the outbox's health; exit 1 when something needs an operator (for monitoring)."""

from django.core.management.base import BaseCommand, CommandError

from notifications.health import outbox_health


class Command(BaseCommand):
    help = "Print the notification outbox's health; exits 1 when the drain is not keeping up."

    def handle(self, *args, **options):
        health = outbox_health()
        width = max(len(label) for label, _value in health.lines())
        for label, value in health.lines():
            self.stdout.write(f"{label.ljust(width)}  {value}")
        if not health.healthy:
            raise CommandError("\n".join(health.problems))
        self.stdout.write(self.style.SUCCESS("OK"))
