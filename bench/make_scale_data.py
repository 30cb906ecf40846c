"""Generate the volume of issue 18 on the database the settings point at (not part of the suite).

Default: 20,000 news articles, 5,000 official documents (a few confidential drafts among them),
10,000 residents' questions (about two thirds answered by a published answer page, the rest open,
some overdue, some closed). Seeded: the same options give the same content. Built on top of the
demo site (`manage.py seed_demo` first), under its sections /tin-tuc/, /van-ban/ and /hoi-dap/.

Fast: pages are inserted in batches straight into Wagtail's tables with treebeard's materialised
paths computed here (one INSERT per batch for `wagtailcore_page`, one for the page type's table),
instead of `add_child()` + `save_revision().publish()` per page. So no revision, no royalty entry,
no e-mail, no search-index entry is made for the generated pages (`--index` indexes them at the
end with `manage.py update_index_incremental`, which leaves the rest of the index alone). The tree
is left consistent (`manage.py fixtree` finds nothing to fix).

Refuses to run on a site holding pages that neither the demo nor this script made, unless
`--force`. Run again with `--clear` to delete what it generated before.

    DATABASE_URL=postgres://... .venv/bin/python manage.py seed_demo
    DATABASE_URL=postgres://... .venv/bin/python bench/make_scale_data.py            # the full volume
    DATABASE_URL=postgres://... .venv/bin/python bench/make_scale_data.py --small    # 500/200/300
"""
# ruff: noqa: E402  (Django is set up before the project is imported)

import argparse
import datetime
import os
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django

django.setup()

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale, Page

from demo import content as demo_content
from documents.choices import DocumentType, SubjectArea
from documents.issuers import Issuer
from documents.models import DocumentIndexPage, OfficialDocumentPage
from news.models import NewsCategory, NewsGenre, NewsIndexPage, NewsPage, NewsPageTag
from qa.models import Channel, QAIndexPage, QAPage, Question, QuestionStatus, Topic
from workflows.deadlines import ANSWER, due_date

PREFIX = "scale-"  # the slug of every page made here
BATCH = 1000
WORDS = (
    "xã tân cương chè đặc sản nông thôn mới hội nghị tuyên truyền phòng chống thiên tai bão lũ "
    "đất đai xây dựng giao thông trường học y tế dân số văn hoá thể thao môi trường nước sạch "
    "chính sách bảo hiểm xã hội hộ nghèo an ninh trật tự thuế hộ kinh doanh du lịch làng nghề "
    "cải cách hành chính dịch vụ công trực tuyến chuyển đổi số thôn xóm đoàn thanh niên phụ nữ"
).split()
DEMO_SLUGS = (
    {"home", "tin-tuc", "van-ban", "hoi-dap", demo_content.CONFIDENTIAL_DOCUMENT[0]}
    | {row[0] for row in demo_content.INTRO_PAGES}
    | {row[0] for row in demo_content.NEWS}
    | {row[0] for row in demo_content.DOCUMENTS}
    | {row[0] for row in demo_content.ANSWERS}
)


def foreign_pages():
    """Pages neither the demo nor this script made (English translations of demo pages count as demo)."""
    vi = Locale.get_default()
    known = Page.objects.filter(locale=vi, slug__in=DEMO_SLUGS).values("translation_key")
    return (
        Page.objects.filter(depth__gt=1)
        .exclude(slug__startswith=PREFIX)
        .exclude(slug__in=DEMO_SLUGS)
        .exclude(translation_key__in=known)
    )


def sentence(rng, low, high):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize()


def moment(rng, now, years):
    """A random aware datetime in the last `years` years, during office hours."""
    day = now - datetime.timedelta(days=rng.randint(0, int(365 * years)))
    return day.replace(hour=rng.randint(7, 17), minute=rng.randint(0, 59), second=0, microsecond=0)


class TreeWriter:
    """Appends children to a page in batches, with treebeard paths and Wagtail's url paths."""

    def __init__(self, parent):
        self.parent = parent
        last = parent.get_last_child()
        self.next_step = (int(last.path[-Page.steplen :], len(Page.alphabet)) + 1) if last else 1
        self.depth = parent.depth + 1
        self.page_fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
        self.written = 0

    def add(self, pages):
        for page in pages:
            page.path = Page._get_path(self.parent.path, self.depth, self.next_step)
            page.depth = self.depth
            page.numchild = 0
            page.url_path = f"{self.parent.url_path}{page.slug}/"
            page.locale_id = self.parent.locale_id
            page.draft_title = page.title
            page.translation_key = uuid.uuid4()
            page.has_unpublished_changes = not page.live
            self.next_step += 1
        model = type(pages[0])
        page_ids = Page._base_manager._insert(
            pages, fields=self.page_fields, returning_fields=[Page._meta.pk], using=connection.alias
        )
        for page, (page_id,) in zip(pages, page_ids, strict=True):
            page.pk = page.id = page.page_ptr_id = page_id
        model._base_manager._insert(pages, fields=model._meta.local_concrete_fields, using=connection.alias)
        self.written += len(pages)

    def finish(self):
        Page.objects.filter(pk=self.parent.pk).update(numchild=self.parent.get_children().count())


def in_batches(make, count):
    batch = []
    for position in range(count):
        batch.append(make(position))
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def news_pages(index, count, rng, now, authors, years):
    writer = TreeWriter(index)
    content_type = ContentType.objects.get_for_model(NewsPage)
    names = ("che", "nong-thon-moi", "bao")
    tags = [Tag.objects.get_or_create(name=name, defaults={"slug": name})[0] for name in names]
    categories = [choice for choice, _label in NewsCategory.choices]

    def make(position):
        published = moment(rng, now, years)
        title = f"{sentence(rng, 5, 11)} ({position + 1})"
        category = rng.choices(categories, weights=[6, 2, 1, 1])[0]
        author = rng.choice(authors)
        return NewsPage(
            title=title,
            slug=f"{PREFIX}tin-{position + 1}",
            content_type=content_type,
            live=True,
            first_published_at=published,
            last_published_at=published,
            owner=author,
            author=author,
            category=category,
            genre=NewsGenre.ARTICLE if position % 3 == 1 else NewsGenre.NEWS_ITEM,
            event_date=None
            if category == NewsCategory.OTHER
            else timezone.localdate(published) - datetime.timedelta(days=rng.randint(0, 3)),
            summary=sentence(rng, 15, 30) + ".",
            body=[("paragraph", "".join(f"<p>{sentence(rng, 20, 40)}.</p>" for _ in range(rng.randint(2, 5))))],
        )

    for batch in in_batches(make, count):
        writer.add(batch)
        NewsPageTag.objects.bulk_create(
            NewsPageTag(content_object_id=page.pk, tag=rng.choice(tags)) for page in batch if rng.random() < 0.3
        )
    writer.finish()
    return writer.written


def document_pages(index, count, rng, now, posters, years):
    writer = TreeWriter(index)
    content_type = ContentType.objects.get_for_model(OfficialDocumentPage)
    kinds = [choice for choice, _label in DocumentType.choices]
    areas = [choice for choice, _label in SubjectArea.choices]
    issuers = [choice for choice, _label in Issuer.choices]

    def make(position):
        published = moment(rng, now, years)
        signed = timezone.localdate(published) - datetime.timedelta(days=rng.randint(0, 3))
        confidential = position % 250 == 7  # a few drafts: never live, never in the sitemap or search
        kind = rng.choice(kinds)
        poster = rng.choice(posters)
        return OfficialDocumentPage(
            title=f"{kind.title()} về {sentence(rng, 4, 9).lower()} ({position + 1})",
            slug=f"{PREFIX}vb-{position + 1}",
            content_type=content_type,
            live=not confidential,
            first_published_at=None if confidential else published,
            last_published_at=None if confidential else published,
            owner=poster,
            number=f"{position + 1}/{kind[:2].upper()}-UBND",
            document_type=kind,
            issuer=rng.choices(issuers, weights=[6] + [1] * (len(issuers) - 1))[0],
            signer="Phạm Tiến Sỹ",
            signed_date=signed,
            effective_date=signed,
            expiry_date=signed + datetime.timedelta(days=730) if rng.random() < 0.2 else None,
            summary="Văn bản mật" if confidential else sentence(rng, 10, 25) + ".",
            subject_area=rng.choice(areas),
            confidential=confidential,
        )

    for batch in in_batches(make, count):
        writer.add(batch)
    writer.finish()
    return writer.written


def questions_and_answers(index, count, rng, now, officials, years):
    """`count` questions; about two thirds answered by a live answer page, the rest open or closed."""
    writer = TreeWriter(index)
    content_type = ContentType.objects.get_for_model(QAPage)
    topics = [choice for choice, _label in Topic.choices]
    channels = [choice for choice, _label in Channel.choices]
    due_dates = {}
    answered = 0

    def make_question(position):
        roll = rng.random()
        # Open questions are recent (the last six weeks): some are overdue, some due soon, as the
        # reminders and the digest meet them on a real desk.
        received = moment(rng, now, years if roll < 0.72 else 42 / 365)
        day = timezone.localdate(received)
        if day not in due_dates:
            due_dates[day] = due_date(ANSWER, received)
        if roll < 0.66:
            status, answered_at, closed_at = QuestionStatus.ANSWERED, received + datetime.timedelta(days=10), None
        elif roll < 0.72:
            status, answered_at, closed_at = QuestionStatus.CLOSED, None, received + datetime.timedelta(days=5)
        else:
            status, answered_at, closed_at = rng.choice([QuestionStatus.RECEIVED, QuestionStatus.ASSIGNED]), None, None
        return Question(
            tracking_code=f"SC-{position + 1:08d}",
            name="Người dân (dữ liệu sinh)",
            email=f"nguoidan{position + 1}@example.com" if rng.random() < 0.7 else "",
            topic=rng.choice(topics),
            title=f"{sentence(rng, 5, 12)}? ({position + 1})",
            body=sentence(rng, 20, 60) + "?",
            consent_to_publish=rng.random() < 0.8,
            channel=rng.choice(channels),
            status=status,
            assignee=None if status == QuestionStatus.RECEIVED else rng.choice(officials),
            received_at=received,
            due_date=due_dates[day],
            answered_at=answered_at if answered_at is None or answered_at < now else now,
            closed_at=closed_at if closed_at is None or closed_at < now else now,
            close_reason="Trùng câu hỏi đã trả lời." if closed_at else "",
        )

    for batch in in_batches(make_question, count):
        questions = Question.objects.bulk_create(batch)
        if questions[0].pk is None:  # a backend that does not return ids from a bulk insert
            codes = [question.tracking_code for question in questions]
            ids = dict(Question.objects.filter(tracking_code__in=codes).values_list("tracking_code", "pk"))
            for question in questions:
                question.pk = question.id = ids[question.tracking_code]
        pages = []
        for question in questions:
            if question.status != QuestionStatus.ANSWERED:
                continue
            answered += 1
            pages.append(
                QAPage(
                    title=question.title,
                    slug=f"{PREFIX}hd-{question.tracking_code.lower()}",
                    content_type=content_type,
                    live=True,
                    first_published_at=question.answered_at,
                    last_published_at=question.answered_at,
                    owner=question.assignee,
                    topic=question.topic,
                    question_text=question.body if question.consent_to_publish else "Câu hỏi chung của người dân.",
                    answer=f"<p>{sentence(rng, 30, 80)}.</p>",
                    answered_by="Công chức Địa chính – Xây dựng",
                    question_id=question.pk,
                )
            )
        if pages:
            writer.add(pages)
    writer.finish()
    return count, answered


def clear():
    """Delete what an earlier run generated (pages, answered questions, tags links)."""
    paths = Page.objects.filter(slug__startswith=PREFIX).values_list("path", flat=True)
    parent_paths = {path[: -Page.steplen] for path in paths}
    # Deleting through the ORM cascades to the page types' tables; the treebeard bookkeeping
    # (numchild of the three sections) is repaired below.
    for model in (NewsPage, OfficialDocumentPage, QAPage):
        model.objects.filter(slug__startswith=PREFIX).delete()
    Question.objects.filter(tracking_code__startswith="SC-").delete()
    for parent in Page.objects.filter(path__in=parent_paths):
        Page.objects.filter(pk=parent.pk).update(numchild=parent.get_children().count())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=int, default=20_000)
    parser.add_argument("--documents", type=int, default=5_000)
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--years", type=float, default=10, help="spread the content over this many past years")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--small", action="store_true", help="a quick run: 500 news, 200 documents, 300 questions")
    parser.add_argument("--index", action="store_true", help="index the new pages (update_index_incremental)")
    parser.add_argument("--clear", action="store_true", help="only delete what an earlier run generated")
    parser.add_argument("--force", action="store_true", help="run even on a site with content of its own")
    options = parser.parse_args()
    if options.small:
        options.news, options.documents, options.questions = 500, 200, 300

    foreign = foreign_pages()
    if foreign.exists() and not options.force:
        sys.exit(
            f"Refusing: this database holds {foreign.count()} page(s) that neither seed_demo nor this script "
            f"made (e.g. {foreign.first().url_path}). Use a scratch database, or --force."
        )
    if options.clear:
        with transaction.atomic():
            clear()
        print("Generated content deleted.")
        return
    if Page.objects.filter(slug__startswith=PREFIX).exists():
        sys.exit("Generated content is already there: run with --clear first (the run is seeded, not additive).")
    news_index = NewsIndexPage.objects.filter(slug="tin-tuc").first()
    document_index = DocumentIndexPage.objects.filter(slug="van-ban").first()
    qa_index = QAIndexPage.objects.filter(slug="hoi-dap").first()
    if not (news_index and document_index and qa_index):
        sys.exit("Run `manage.py seed_demo` first: the volume goes under the demo's sections.")
    users = {user.username: user for user in get_user_model().objects.filter(is_active=True)}
    members = [users[name] for name in ("thanhvien", "congtacvien") if name in users] or list(users.values())[:2]
    officials = [users[name] for name in ("canbo",) if name in users] or members

    rng = random.Random(options.seed)
    # Midnight of today in the site's zone: the same seed gives the same content all day long.
    now = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    timings = []
    with transaction.atomic():
        years = options.years
        for label, step in (
            ("news", lambda: news_pages(news_index, options.news, rng, now, members, years)),
            ("documents", lambda: document_pages(document_index, options.documents, rng, now, members, years)),
            ("questions", lambda: questions_and_answers(qa_index, options.questions, rng, now, officials, years)),
        ):
            started = time.monotonic()
            made = step()
            timings.append((label, made, time.monotonic() - started))
            print(f"{label:<10} {made!s:>14}  {timings[-1][2]:6.1f} s", flush=True)
    if options.index:
        # Only the pages just written (they bypassed Wagtail's signals), not a rebuild of every entry.
        started = time.monotonic()
        call_command("update_index_incremental", verbosity=0)
        print(f"{'index':<10} {'':>14}  {time.monotonic() - started:6.1f} s")
    if connection.vendor == "postgresql":
        # Fresh statistics for the planner (autovacuum would get there later, or never if it is off):
        # without them it takes the new tables for empty and joins 30,000 rows in nested loops.
        started = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"{'analyze':<10} {'':>14}  {time.monotonic() - started:6.1f} s")
    print(f"Total {sum(seconds for _label, _made, seconds in timings):.1f} s; pages now: {Page.objects.count()}.")


if __name__ == "__main__":
    main()
