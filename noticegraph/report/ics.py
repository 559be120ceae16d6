"""iCalendar files of suspension windows, one per region (``calendar/{code}.ics``).

A province's calendar holds its own windows and its cities'. Each window is one
VEVENT whose UID is the window's IRI (the same on every run), with its times in
Asia/Shanghai (+08:00), a Chinese summary, and the evidence sentence and the
notice in the description. A window that a later notice revised (the events
graph says it is superseded) stays in the calendar as CANCELLED, so a subscribed
calendar drops it, and the revised window is an event of its own.
"""
from __future__ import annotations

from datetime import datetime

from noticegraph.report.data import SERVICE, Region, ReportData, Window
from noticegraph.report.timeline import short

PRODID = "-//noticegraph//suspension windows//ZH"
TIMEZONE = "Asia/Shanghai"


def region_windows(data: ReportData, region: Region) -> list[Window]:
    """The windows of a region's notices; for a province, its cities' as well."""
    def inside(window: Window) -> bool:
        of = data.region_of(window.notice)
        return of.code == region.code or (region.is_province and of.province == region.code)

    return sorted((w for w in data.windows if inside(w)), key=lambda w: (w.start, w.iri))


def summary(data: ReportData, window: Window) -> str:
    region = data.region_of(window.notice)
    if window.iri in data.superseded_windows:
        return f"（已被后续通告调整）{region.label}原定暂停时段"
    services = "、".join(data.label(s, SERVICE) for s in window.services)
    text = f"{region.label}{services}业务暂停办理" if services else f"{region.label}业务系统暂停服务"
    marks = [m for m, on in (("预计", window.tentative), ("时间约略", window.vague)) if on]
    if window.open_ended:
        marks.append(f"{short(window.start)}起，结束时间未定")
    return text + (f"（{'，'.join(marks)}）" if marks else "")


def description(data: ReportData, window: Window) -> str:
    notice = data.notices[window.notice]
    lines = [f"原文：{window.evidence.exact}", "", f"公告：{notice.title or notice.file_name}"]
    if notice.url:
        lines.append(notice.url)
    return "\n".join(lines)


def calendar_bytes(data: ReportData, region: Region) -> bytes:
    """The .ics of one region (deterministic: DTSTAMP is the notice's publication or the window's start)."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event

    zone = ZoneInfo(TIMEZONE)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{region.label}（{region.code}）业务暂停时段")
    calendar.add("x-wr-timezone", TIMEZONE)
    for window in region_windows(data, region):
        notice = data.notices[window.notice]
        event = Event()
        event.add("uid", window.iri)
        stamp = datetime.fromisoformat(notice.published) if notice.published else window.start
        event.add("dtstamp", stamp.astimezone(ZoneInfo("UTC")))
        event.add("dtstart", window.start.astimezone(zone))
        if window.end is not None:
            event.add("dtend", window.end.astimezone(zone))
        event.add("summary", summary(data, window))
        event.add("description", description(data, window))
        if notice.url:
            event.add("url", notice.url)
        if window.iri in data.superseded_windows:
            event.add("status", "CANCELLED")
        elif window.tentative or window.vague:
            event.add("status", "TENTATIVE")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendars(data: ReportData) -> dict[str, bytes]:
    """Region code → its .ics, for every region with at least one window."""
    return {region.code: calendar_bytes(data, region) for region in data.regions.values()
            if region_windows(data, region)}
