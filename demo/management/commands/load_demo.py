from django.core.management.base import BaseCommand

from demo.alumni import ALUMNUS_ACCOUNT
from demo.loader import demo_load
from demo.samples import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Load the programs, occurrences and agreements the seed documents state, plus flagged samples. Idempotent."

    def handle(self, *args, **options):
        result = demo_load()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        for email, user in result["users"].items():
            role = "superuser" if user.is_superuser else "staff" if user.is_staff else "official"
            self.stdout.write(f"  {role:<10} {email}  password: {DEMO_PASSWORD}")
        for email in result.get("focal_points", {}):
            self.stdout.write(f"  {'focal':<10} {email}  password: {DEMO_PASSWORD}")
        for email in result.get("bureau", {}).get("accounts", []):
            self.stdout.write(f"  {'bureau':<10} {email}  password: {DEMO_PASSWORD}")
        self.stdout.write(f"  {'alumnus':<10} {ALUMNUS_ACCOUNT}  password: {DEMO_PASSWORD}")
