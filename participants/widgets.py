"""Form widgets and fields drawn in Python instead of one template per widget, field and option.

Django draws a widget through its form renderer: a template for a text box, and for a <select>
one template for the box plus one more, with its own attrs template, per option; crispy then adds
several templates per field. The registration form's country box alone has about 250 options, so
templates dominated the page. `FastWidgetMixin` writes exactly the markup of Django's input.html,
textarea.html, select.html and select_option.html (same name, id, attrs, optgroups, escaping,
selected options); `render_field` writes crispy-bootstrap5's markup around it (label or legend,
required mark, errors, help text; Django adds aria-describedby and aria-invalid).
tests/participants/test_form_rendering.py compares both with what the templates draw.
"""

from html import escape as _escape_text

from django import forms
from django.forms import widgets
from django.utils import translation
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe


def _esc(value):
    """Django's conditional_escape (the same five characters, the same entities), without its lazy-string
    wrappers: it runs for every option of every select."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return _escape_text(str(value), quote=True)


def _attrs(attrs):
    return "".join(
        f" {_esc(name)}" if value is True else f' {_esc(name)}="{_esc(value)}"'
        for name, value in attrs.items()
        if value is not False and value is not None
    )


def _select(widget):
    parts = [f'<select name="{_esc(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_esc(group_name)}">')
        parts.extend(
            f'\n  <option value="{_esc(option["value"])}"{_attrs(option["attrs"])}>{_esc(option["label"])}</option>\n'
            for option in group_choices
        )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _input(widget):
    value = "" if widget["value"] is None else f' value="{_esc(widget["value"])}"'
    return f'<input type="{_esc(widget["type"])}" name="{_esc(widget["name"])}"{value}{_attrs(widget["attrs"])}>'


def _textarea(widget):
    value = _esc(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{_esc(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


_RENDERED = {}
_RENDERED_MAX = 4096


class FastWidgetMixin:
    # A select whose choices depend only on the language and on `render_key()` (e.g. the version of
    # the rows they come from) may set `render_key`; its markup is then kept in this process for
    # each language, value and attrs: the country box translates and sorts 250 names otherwise.
    render_key = None

    def render(self, name, value, attrs=None, renderer=None):
        if self.render_key is None:
            return self._render_now(name, value, attrs)
        key = (
            type(self).__name__,
            self.render_key(),
            translation.get_language(),
            name,
            repr(value),
            repr(sorted((attrs or {}).items())),
            repr(sorted(self.attrs.items())),
        )
        html = _RENDERED.get(key)
        if html is None:
            if len(_RENDERED) >= _RENDERED_MAX:
                _RENDERED.clear()
            html = _RENDERED[key] = self._render_now(name, value, attrs)
        return html

    def use_required_attribute(self, initial):
        # Select asks its first choice, which makes lazy choices (the countries) build the whole list.
        if self.render_key is None:
            return super().use_required_attribute(initial)
        key = ("required", type(self).__name__, self.render_key(), translation.get_language(), self.is_hidden)
        if key not in _RENDERED:
            _RENDERED[key] = super().use_required_attribute(initial)
        return _RENDERED[key]

    def _render_now(self, name, value, attrs):
        widget = self.get_context(name, value, attrs)["widget"]
        if isinstance(self, forms.Select):
            return mark_safe(_select(widget))
        if isinstance(self, forms.Textarea):
            return mark_safe(_textarea(widget))
        return mark_safe(_input(widget))


_FAST_CLASSES = {}


def _is_simple(widget):
    if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple, forms.MultiWidget, forms.FileInput)):
        return False
    if isinstance(widget, forms.Select | forms.Textarea | widgets.Input):
        return widget.template_name in (
            forms.Select.template_name,
            forms.SelectMultiple.template_name,
            forms.Textarea.template_name,
            widgets.Input.template_name,
            forms.TextInput.template_name,
            forms.EmailInput.template_name,
            forms.NumberInput.template_name,
            forms.DateInput.template_name,
            forms.URLInput.template_name,
            forms.TelInput.template_name,
            forms.CheckboxInput.template_name,
            forms.HiddenInput.template_name,
        )
    return False


def use_fast_widgets(form):
    """Give the form's text boxes, text areas, check boxes and select boxes the Python renderer,
    keeping each widget's own class underneath (django-countries' lazy choices,
    ModelChoiceField's queryset iterator). Widgets with templates of their own are left alone."""
    for field in form.fields.values():
        widget = field.widget
        if not isinstance(widget, FastWidgetMixin) and _is_simple(widget):
            cls = type(widget)
            if cls not in _FAST_CLASSES:
                _FAST_CLASSES[cls] = type(f"Fast{cls.__name__}", (FastWidgetMixin, cls), {})
            widget.__class__ = _FAST_CLASSES[cls]


def _required(field):
    return mark_safe('<span class="asteriskField">*</span>') if field.field.required else ""


def _errors(field, tag="span"):
    if not field.errors:
        return ""
    items = format_html_join(
        "",
        '\n    <{} id="error_{}_{}"><strong>{}</strong></{}>',
        ((tag, number, field.auto_id, error, tag) for number, error in enumerate(field.errors, start=1)),
    )
    return format_html('\n    <div id="{}_error" class="invalid-feedback">{}\n    </div>', field.auto_id, items)


def _help(field):
    if not field.help_text:
        return ""
    return format_html('\n    <div id="{}_helptext" class="form-text">{}</div>', field.auto_id, field.help_text)


def _choice_inputs(field, invalid):
    """The boxes of a CheckboxSelectMultiple or RadioSelect, as crispy-bootstrap5 lays them out."""
    widget = field.field.widget
    attrs = field.build_widget_attrs({"id": field.auto_id} if field.auto_id else {})
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    css = "form-check-input is-invalid" if invalid else "form-check-input"
    boxes = []
    groups = context["optgroups"]
    for group_index, (group_name, options, _index) in enumerate(groups):
        if group_name:
            boxes.append(format_html("<strong>{}</strong>", group_name))
        for option_index, option in enumerate(options):
            attrs = {k: v for k, v in option["attrs"].items() if k != "class"}
            last = group_index == len(groups) - 1 and option_index == len(options) - 1
            boxes.append(
                format_html(
                    '\n      <div class="form-check">\n        <input type="{}" class="{}" name="{}" value="{}"{}>'
                    '\n        <label for="{}" class="form-check-label">{}</label>{}\n      </div>',
                    option["type"],
                    css,
                    field.html_name,
                    str(option["value"]),
                    mark_safe(_attrs(attrs)),
                    option["attrs"].get("id", ""),
                    option["label"],
                    _errors(field, tag="p") if last else "",
                )
            )
    return format_html("\n    <div>{}\n    </div>", mark_safe("".join(conditional_escape(box) for box in boxes)))


def render_field(field):
    """One field with its label, widget, errors and help text, in crispy-bootstrap5's markup (ids,
    classes, aria-describedby, aria-invalid, required marks), without a template per field."""
    if field.is_hidden:
        return str(field)
    widget = field.field.widget
    invalid = bool(field.errors)
    required = " requiredField" if field.field.required else ""
    if isinstance(widget, forms.CheckboxInput):
        css = "form-check-input is-invalid" if invalid else "form-check-input"
        return format_html(
            '<div class="mb-3"><div id="div_{}" class="form-check">\n    {}\n    <label for="{}" class="form-check-label{}">'
            "{}{}</label>{}{}\n</div></div>",
            field.auto_id,
            field.as_widget(attrs={"class": css}),
            field.id_for_label,
            required,
            field.label,
            _required(field),
            _errors(field),
            _help(field),
        )
    if isinstance(widget, (forms.CheckboxSelectMultiple, forms.RadioSelect)):
        describedby = field.aria_describedby
        return format_html(
            '<div id="div_{}" class="mb-3">\n  <fieldset{}>\n    <legend class="form-label{} fs-6">{}{}</legend>{}{}'
            "\n  </fieldset>\n</div>",
            field.auto_id,
            format_html(' aria-describedby="{}"', describedby) if describedby else "",
            required,
            field.label,
            _required(field),
            _choice_inputs(field, invalid),
            _help(field),
        )
    base = "form-select" if isinstance(widget, forms.Select) else "form-control"
    label = (
        format_html(
            '\n    <label for="{}" class="form-label{}">{}{}</label>',
            field.id_for_label,
            required,
            field.label,
            _required(field),
        )
        if field.label
        else ""
    )
    return format_html(
        '<div id="div_{}" class="mb-3">{}\n    {}{}{}\n</div>',
        field.auto_id,
        label,
        field.as_widget(attrs={"class": f"{base} is-invalid" if invalid else base}),
        _errors(field),
        _help(field),
    )


def render_form(form):
    """The form's non-field errors (as crispy shows them) and every field, hidden ones included."""
    parts = []
    if form.non_field_errors():
        parts.append(
            format_html(
                '<div class="alert alert-block alert-danger"><ul class="m-0">{}</ul></div>',
                format_html_join("", "<li>{}</li>", ((error,) for error in form.non_field_errors())),
            )
        )
    parts.extend(render_field(field) for field in form)
    return mark_safe("\n".join(conditional_escape(part) for part in parts))
