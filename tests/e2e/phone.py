"""Checks a phone-width browser test makes on every page it walks: the collapsed menu, nothing
wider than the screen, and every string a person reads in the page's language."""

import re

PHONE = {"width": 390, "height": 844}

# Elements wider than the screen, for the failure message (the first five).
_WIDER = """width => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > width + 1)
  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className + ' '
    + Math.round(e.getBoundingClientRect().right)).slice(0, 5)"""

# Every string the page shows or reads out in its own language: text (the collapsed menu's links
# and visually hidden labels too, not what is hidden or inside another `lang`), the options of its
# lists, and the labels, placeholders and titles of its controls.
_STRINGS = """() => {
  const lang = document.documentElement.lang;
  const own = el => { const holder = el.closest('[lang]'); return !holder || holder.lang === lang; };
  const hidden = el => el.closest('script, style, template, noscript, [hidden], [aria-hidden=true]')
    || !(el.checkVisibility() || el.closest('#site-nav, .visually-hidden, option'));
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    if (text && own(node.parentElement) && !hidden(node.parentElement)) out.push(text);
  }
  for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt], input[type=submit]')) {
    if (!own(el)) continue;
    for (const name of ['aria-label', 'placeholder', 'title', 'alt', 'value']) {
      if (name !== 'value' || el.matches('input[type=submit]')) {
        const value = (el.getAttribute(name) || '').trim();
        if (value) out.push(value);
      }
    }
  }
  return out;
}"""

_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def open_menu(page):
    """At phone width the header's links sit behind the menu button."""
    button = page.locator("#krds-header .btn-menu")
    if button.is_visible() and button.get_attribute("aria-expanded") != "true":
        button.click()


def wider_than_screen(page):
    """[] when the page fits its viewport, else the elements that stick out."""
    width = page.viewport_size["width"]
    if page.evaluate("document.documentElement.scrollWidth") <= width:
        return []
    return page.evaluate(_WIDER, width) or ["the page"]


def latin_leftovers(page, allowed=()):
    """The strings of a page in Korean, Chinese or Japanese that still hold a Latin-script word,
    once the `allowed` data (names, notes, addresses the people typed) are taken out."""
    allowed = sorted({a for a in allowed if a}, key=len, reverse=True)
    leftovers = []
    for text in page.evaluate(_STRINGS):
        rest = text
        for value in allowed:
            rest = rest.replace(value, " ")
        if _LATIN_WORD.search(rest):
            leftovers.append(text)
    return leftovers
