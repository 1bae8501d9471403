from django.core.management.base import BaseCommand, CommandError

from programs.coverage import coverage, languages, translated_models


class Command(BaseCommand):
    help = (
        "Print, per translated model and language, the share of written texts that exist in that language. "
        "With --fail-under, exit non-zero when any share is below it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fail-under", type=float, default=None, metavar="PERCENT", help="fail when any share is below PERCENT"
        )

    def handle(self, *args, fail_under=None, **options):
        langs = languages()
        width = max(len(m._meta.label) for m in translated_models())
        self.stdout.write(f"{'model':<{width}}  {'rows':>5}  " + "  ".join(f"{lang:>14}" for lang in langs))
        below = []
        for model in translated_models():
            result = coverage(model)
            cells = []
            for lang in langs:
                done, expected = result.counts[lang]
                cells.append(f"{result.percent(lang):5.1f}% {done:>3}/{expected:<3}".rjust(14))
                if fail_under is not None and result.percent(lang) < fail_under:
                    below.append(f"{model._meta.label} {lang} {result.percent(lang):.1f}%")
            self.stdout.write(f"{model._meta.label:<{width}}  {result.rows:>5}  " + "  ".join(cells))
        if below:
            raise CommandError(f"Translation coverage below {fail_under}%: " + "; ".join(below))
