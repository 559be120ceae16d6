"""extractors.cleaning: boilerplate removal on the dev corpus, and the block model on small inputs."""
from __future__ import annotations

import html
import json

import pytest

from extractors.cleaning import (CUT, assemble, clean, finish, html_pieces, json_string_with_cuts, markdown_to_html,
                                 normalize_space, parse_html, text_pieces, unwrapped)
from tests.conftest import ROOT
from tests.extractors.test_loading import dev_document

# Golden snippets in trafilatura's style: ``with`` must be in the clean text,
# ``without`` (boilerplate) must not. Signature lines are checked with the "\n"
# that joins their blocks.
# fmt: off
GOLDEN = {
    "000_d7652f1d30021301.txt": (
        ["社保系统将于26日停机迁移数据哪些业务受影响", "社保系统为什么要停机?",
         "2022年2月26日0时至3月20日24时停机", "可拨打0531-12345市民热线进行咨询"],
        ["版权归原作者所有", "【来源：中国山东网】", "picsum", "趣头条", "<p>", "strong"]),
    "001_b658c26c8a215697.txt": (
        ["01 为什么社保信息系统要停机切换？", "2022年6月22日18:00至7月25日8:30",
         "工伤职工工伤认定、劳动能力鉴定业务可线下受理办理。"],
        ["【编辑：余丽娜】", "（来源：长江云）"]),
    "002_975000b3fb2f80f3.txt": (
        ["山东省社会保险信息系统将于2022年2月26日0时至3月20日24时停机", "更优质、高效、智能、便捷的人社服务。"],
        ["文章来源", "返回首页", "返回青岛财经日报新闻", "finews", "NewsShare", "qingdaocaijingribao"]),
    "003_858ed137ab94f165.txt": (
        ["今起杭州市人力社保及医保等系统开始停机切换", "7月24日18时至8月12日24时",
         "下限为3321.6元。"],
        []),
    "004_f164445281f5e1cd.txt": (
        ["我省将于2022年4月29日20时起暂停河南省社会保障信息系统", "5月19日8时起恢复所有业务办理。"],
        ["尽在新浪财经APP", "责任编辑", "王翔", "appendQr", "cms-style", "&#123;"]),
    "h08d125c7.html": (
        ["濟南社保系統2月26日起停機23天", "非因工傷殘或因病喪失勞動能力鑒定\t1日—18日",
         "職業病勞動能力鑒定\t1日—10日", "可以撥打0531-12345市民熱線諮詢"],
        ["首頁", "相關閱讀", "版權所有", "ICP", "發佈時間", "孟曉雯", "標籤", "元宵節期間濟南政務服務大廳照常辦公",
         "新聞熱線", "齊魯民生網"]),
    "h42fb0960.txt": (
        ["南昌住房公积金管理中心\n关于年度结算及业务系统升级上线暂停服务的通知",
         "自2023年12月28日（周四）17:00起至2024年1月10日（周三）9:00止",
         "南昌住房公积金管理中心\n2023年12月15日"],
        []),
    "h511eb46c.md": (
        ["唐山市医疗保障局\n2019年12月27日", "2019年12月31日18时至2020年1月5日8时",
         "唐山市医疗保障局关于2019年度医疗保险年度结转期间暂停对外服务的通告"],
        ["相关推荐", "唐山医保电子凭证怎么激活", "声明：", "如涉及侵权", "/baike/"]),
    "h5734ef6d.html": (
        ["关于医疗保障信息平台系统切换停机公告", "天门市医疗保障局\n2021年9月24日", "自2021年10月5日15:00起",
         "咨询电话：0728-5211393（市医疗保障局医保服务科）。"],
        ["当前位置", "责任编辑", "王喆", "上一篇", "下一篇", "相关文章", "版权所有", "鄂ICP备", "打印", "字体",
         "欢迎访问天门网", "推荐内容", "分隔线", "点击", "发布时间", "天门市2021年秋季学期", "设为首页"]),
    "h9e21a6e7.md": (
        ["北京社保新系统10月20日上线", "养老保险 | 网上渠道 | 9月21日22时至10月24日0时",
         "业务 | 办理渠道 | 暂停时段", "可拨打12333人力资源和社会保障咨询服务电话。"],
        ["【来源：新京报】", "相关阅读", "北京上调2023年退休人员基本养老金", "版权归原作者所有", "picsum", "| --- |"]),
    "had47cd44.md": (
        ["3月22日--4月3日 | 定点医药机构暂停刷卡结算", "导读：西安市医保信息系统即将切换",
         "1. 下载“国家医保服务平台”APP", "3月22日起，原医保信息系统停止运行；", "一、西安医保卡什么时候停止使用？",
         "本文根据西安市医疗保障局公开信息整理"],
        ["上一篇", "下一篇", "xasbzc", "2022年西安城乡居民医保缴费标准是多少", "## ", "*本文", "> 导读", "](/"]),
    "hb0ff8674.html": (
        ["職工社保和醫保系統8月底停機維護", "聽說全區職工社保和醫保系統要停機維護好幾天",
         "2021年8月25日22時至2021年9月1日7時進行停機維護", "可撥打12333人社服務熱線諮詢。",
         "住院的話可以先出院扎帳，等9月1日系統恢復以後再結算。"],
        ["其他回答", "公告已經發在人社局網站上了", "評論(12)", "有用(268)", "相關問題", "社保卡丟了怎麼掛失補辦",
         "最佳答案", "回答者", "問答天地", "免責聲明", "我要提問", "搜索答案", "提問時間"]),
    "hb7181f88.html": (
        ["国家税务总局北京市税务局关于自然人税收管理系统停机切换的通告", "国家税务总局北京市税务局\n2019年8月14日",
         "2019年8月21日（星期三）20时至2019年8月26日（星期一）8时。"],
        ["您的位置", "相关文章", "关于2019年7月纳税申报期限的通告", "京ICP备", "字体", "今天是", "网站服务电话",
         "设为首页", "信息公开", "发布日期"]),
    "he917b97d.txt": (
        ["巴州关于国家医疗保障信息平台系统切换停机的通告", "巴医保通〔2021〕3号",
         "巴音郭楞蒙古自治州人力资源和社会保障局\n2021年9月8日"],
        []),
}
# fmt: on
NAMES = sorted(GOLDEN)


@pytest.mark.parametrize("name", NAMES)
def test_cleaning_dev_keeps_the_notice(name: str) -> None:
    text = dev_document(name).text
    assert [snippet for snippet in GOLDEN[name][0] if snippet not in text] == []


@pytest.mark.parametrize("name", NAMES)
def test_cleaning_dev_drops_the_boilerplate(name: str) -> None:
    text = dev_document(name).text
    assert [snippet for snippet in GOLDEN[name][1] if snippet in text] == []


# fmt: off
SIGNATURES = {
    "h5734ef6d.html": ["天门市医疗保障局", "2021年9月24日"],
    "hb7181f88.html": ["国家税务总局北京市税务局", "2019年8月14日"],
    "h42fb0960.txt": ["南昌住房公积金管理中心", "2023年12月15日"],
    "h511eb46c.md": ["唐山市医疗保障局", "2019年12月27日"],
    "he917b97d.txt": ["巴音郭楞蒙古自治州医疗保障局", "国家税务总局巴音郭楞蒙古自治州税务局",
                      "巴音郭楞蒙古自治州人力资源和社会保障局", "2021年9月8日"],
    "h08d125c7.html": [],
    "hb0ff8674.html": [],
}
TABLES = {  # name: (rows, header rows, separator)
    "h08d125c7.html": (5, 1, "\t"),
    "h9e21a6e7.md": (7, 1, " | "),
    "had47cd44.md": (5, 1, " | "),
}
# fmt: on


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_cleaning_dev_signature_blocks(name: str) -> None:
    document = dev_document(name)
    assert [document.text[b.start:b.end] for b in document.blocks if b.kind == "signature"] == SIGNATURES[name]


@pytest.mark.parametrize("name", sorted(TABLES))
def test_cleaning_dev_table_rows(name: str) -> None:
    document = dev_document(name)
    rows = [b for b in document.blocks if b.kind == "table_row"]
    count, headers, separator = TABLES[name]
    assert (len(rows), sum(b.header for b in rows)) == (count, headers)
    for row in rows:
        cells = [document.text[s:e] for s, e in row.cells]
        assert separator.join(cells) == document.text[row.start:row.end]


@pytest.mark.parametrize("name", NAMES)
def test_cleaning_dev_title_block_first(name: str) -> None:
    document = dev_document(name)
    if document.title is None:
        assert all(b.kind != "title" for b in document.blocks)
    else:
        assert document.blocks[0].kind == "title"


# --------------------------------------------------------------------------- whitespace

# fmt: off
SPACES = [
    ("停机 期间",                         "停机期间"),
    ("停机\n   期间",                      "停机期间"),
    ("　　根据通知，\u3000暂停办理",       "根据通知，暂停办理"),
    ("“南昌公积金” 微信公众号",            "“南昌公积金”微信公众号"),
    ("拨打 12333 热线",                    "拨打 12333 热线"),
    ("手机 APP 暂停",                      "手机 APP 暂停"),
    ("2021年9月24日   10:26",              "2021年9月24日 10:26"),
    ("ITS   tax\tsystem",                  "ITS tax system"),
    ("a\u00a0b",                           "a b"),
    ("  ",                                 ""),
]
# fmt: on


@pytest.mark.parametrize(("raw", "expected"), SPACES, ids=[s[1] or "blank" for s in SPACES])
def test_cleaning_normalize_space(raw: str, expected: str) -> None:
    assert normalize_space(raw) == expected


# --------------------------------------------------------------------------- plain text

def test_cleaning_plain_text_lines_are_blocks() -> None:
    cleaned = assemble(finish(text_pieces("\n\n关于系统停机的通告\n\n　　各参保单位：\n一、停机时间\n自9月1日起暂停办理。\n\n")))
    assert cleaned.text == "关于系统停机的通告\n各参保单位：\n一、停机时间\n自9月1日起暂停办理。"
    assert [b.kind for b in cleaned.blocks] == ["title", "paragraph", "heading", "paragraph"]


def test_cleaning_plain_text_long_first_line_is_no_title() -> None:
    cleaned = assemble(finish(text_pieces("根据人社部安排，湖北省企业职工社会保险信息系统拟于2022年6月下旬停机。\n\n答：暂停。")))
    assert [b.kind for b in cleaned.blocks] == ["paragraph", "paragraph"]


# --------------------------------------------------------------------------- Markdown

# fmt: off
MARKDOWN = [
    ("heading",     "## 一、停机时间",                        ["<h2>一、停机时间</h2>"]),
    ("bullet",      "- 3月22日起停止运行；",                   ["<ul><li>3月22日起停止运行；</li></ul>"]),
    ("ordered",     "1. 下载APP",                             ["<ol><li>1. 下载APP</li></ol>"]),
    ("quote",       "> 导读：系统切换",                       ["<blockquote><p>导读：系统切换</p></blockquote>"]),
    ("rule",        "---",                                     ["<hr>"]),
    ("emphasis",    "*本文*整理，**仅供参考**",                 ["<p>¦<em>本文</em>¦整理，¦<strong>仅供参考</strong>¦</p>"]),
    ("link",        "上一篇：[标题](/wen/1.html)",              ['<p>上一篇：¦<a href="/wen/1.html">标题</a>¦</p>']),
    ("image",       "![二维码](/qr.png)扫码",                   ["<p>¦扫码</p>"]),
    ("autolink",    "<http://finews.example/x?a=1>",           ["<p>¦</p>"]),
    ("escape",      "第1\\.2条",                              ["<p>第1¦.2条</p>"]),
    ("html block",  "<div>\n<p>原文</p>\n</div>",              ["<div>", "<p>原文</p>", "</div>"]),
    ("style",       "<style>\n.a{x:1}\n\n.b{y:2}\n</style>",   ["<style>", ".a{x:1}", "", ".b{y:2}", "</style>"]),
    ("soft break",  "第一行没有结束\n第二行。",                  ["<p>第一行没有结束", "第二行。</p>"]),
    ("hard lines",  "第一句。\n第二句。",                       ["<p>第一句。</p>", "<p>第二句。</p>"]),
]
# fmt: on


@pytest.mark.parametrize(("markdown", "expected"), [m[1:] for m in MARKDOWN], ids=[m[0] for m in MARKDOWN])
def test_cleaning_markdown_to_html(markdown: str, expected: list[str]) -> None:
    """Removed inline marks leave CUT (shown here as ¦)."""
    assert markdown_to_html(markdown).replace(CUT, "¦").split("\n") == expected


# fmt: off
CUTS = [
    # (id, media type, body, clean text, offsets where source characters were dropped inside a block)
    ("none",         "md",   "4月1日起暂停办理。",                      "4月1日起暂停办理。",           ()),
    ("bold",         "md",   "**4月1日起**暂停办理。",                  "4月1日起暂停办理。",           (5,)),
    ("two marks",    "md",   "自**4月1日**起暂停。",                    "自4月1日起暂停。",             (1, 5)),
    ("link",         "md",   "详见[公告](/a.html)。",                   "详见公告。",                   (2, 4)),
    ("heading bold", "md",   "## **一、停机时间**\n\n暂停。",           "一、停机时间\n暂停。",         ()),
    ("table cell",   "md",   "| 时间 | 业务 |\n| --- | --- |\n| **4月1日** | 暂停 |", "时间 | 业务\n4月1日 | 暂停", (12,)),
    ("html tags",    "html", "<p>自<b>4月1日</b>起暂停。</p>",           "自4月1日起暂停。",             ()),
    ("hidden span",  "html", '<p>4月1日起<span style="display:none">x</span>暂停。</p>', "4月1日起暂停。", (5,)),
    ("script",       "html", "<p>4月1日起<script>f(1)</script>暂停。</p>", "4月1日起暂停。",              (5,)),
    ("empty hidden", "html", '<p>4月1日起<span style="display:none"> </span>暂停。</p>', "4月1日起暂停。", ()),
]
# fmt: on


@pytest.mark.parametrize(("media", "body", "text", "cuts"), [m[1:] for m in CUTS], ids=[m[0] for m in CUTS])
def test_cleaning_cuts(media: str, body: str, text: str, cuts: tuple[int, ...]) -> None:
    cleaned = clean(body, f"text/{'markdown' if media == 'md' else 'html'}")
    assert (cleaned.text, cleaned.cuts) == (text, cuts)


def test_cleaning_markdown_table_keeps_pipes_and_cells() -> None:
    cleaned = clean("| 业务 | 暂停时段 |\n| --- | :---: |\n| 养老保险 | 9月21日22时至10月24日0时 |\n| 工伤 \\| 失业 | 全天 |",
                    "text/markdown")
    rows = [cleaned.text[b.start:b.end] for b in cleaned.blocks]
    assert rows == ["业务 | 暂停时段", "养老保险 | 9月21日22时至10月24日0时", "工伤 | 失业 | 全天"]
    assert [b.header for b in cleaned.blocks] == [True, False, False]
    second = cleaned.blocks[1]
    assert [cleaned.text[s:e] for s, e in second.cells] == ["养老保险", "9月21日22时至10月24日0时"]


def test_cleaning_markdown_mixed_with_html() -> None:
    body = "<div>\n<p><strong>新京报讯</strong>（记者 齐欣然）9月18日，记者获悉。</p>\n\n| a | b |\n| --- | --- |\n| 甲 | 乙 |\n\n<p>版权归原作者所有</p>\n</div>"
    cleaned = clean(body, "text/markdown")
    assert cleaned.text == "新京报讯（记者齐欣然）9月18日，记者获悉。\na | b\n甲 | 乙"


# --------------------------------------------------------------------------- HTML

PAGE = """<html><head><title>关于系统切换停机的公告_天门新闻_天门网</title></head><body>
<div class="header"><a href="/">首页</a><div id="navMenu"><a href="/n">新闻</a><a href="/m">民生</a></div></div>
<div class="place">当前位置：<a href="/">主页</a> &gt; 新闻</div>
<div class="viewbox">
  <div class="title"><h2>关于系统切换停机的公告</h2></div>
  <div class="info">发布时间：2021年09月24日 来源：天门网 【打印】【字体：大 中 小】</div>
  <div class="content">
    <p>　　各参保单位：</p>
    <p>　　自2021年9月30日18:00起，全市各级医疗保障经办窗口
       暂停办理全部医保业务。</p>
    <table><tr><th>事项</th><th>时间</th></tr><tr><td>结算</td><td>9月30日</td></tr></table>
    <p>第一行<br>第二行</p>
    <p style="text-align:right">天门市医疗保障局</p>
    <p style="text-align:right">2021年9月24日</p>
  </div>
  <div class="editor">（责任编辑：王喆）</div>
  <ul class="context"><li>上一篇：<a href="/1">交通管制</a></li><li>下一篇：<a href="/2">安全检查</a></li></ul>
</div>
<div class="xgnews"><b>相关文章</b><ul><li><a href="/3">医保缴费开始啦</a></li></ul></div>
<div class="footer">天门网 版权所有 Copyright &copy; 2021 鄂ICP备08003325号</div>
<script>document.write("脚本文字不该出现")</script>
</body></html>"""


def _page_blocks(markup: str, title: str | None = None) -> list[tuple[str, str]]:
    root = parse_html(markup)
    assert root is not None
    cleaned = assemble(finish(html_pieces(root), title))
    return [(b.kind, cleaned.text[b.start:b.end]) for b in cleaned.blocks]


def test_cleaning_html_page_blocks() -> None:
    assert _page_blocks(PAGE, "关于系统切换停机的公告") == [
        ("title", "关于系统切换停机的公告"),
        ("paragraph", "各参保单位："),
        ("paragraph", "自2021年9月30日18:00起，全市各级医疗保障经办窗口暂停办理全部医保业务。"),
        ("table_row", "事项\t时间"),
        ("table_row", "结算\t9月30日"),
        ("paragraph", "第一行"),
        ("paragraph", "第二行"),
        ("signature", "天门市医疗保障局"),
        ("signature", "2021年9月24日"),
    ]


def test_cleaning_html_signature_set_apart_is_kept() -> None:
    body = ("<div class=content><p>自2021年9月30日18:00起，全市各级医疗保障经办窗口暂停办理全部医保业务，新平台上线后恢复。</p>"
            "<p>特此公告。</p></div><div class=sign><p>天门市医疗保障局</p><p>2021年9月24日</p></div>"
            "<div class=share><p>分享到：微信 微博</p></div>")
    assert _page_blocks(body)[-2:] == [("signature", "天门市医疗保障局"), ("signature", "2021年9月24日")]


def test_cleaning_html_title_prepended_when_not_shown() -> None:
    blocks = _page_blocks("<div><p>自2021年9月30日18:00起，全市各级医疗保障经办窗口暂停办理全部医保业务。</p></div>", "停机公告")
    assert blocks[0] == ("title", "停机公告")


def test_cleaning_html_layout_table_is_not_a_data_table() -> None:
    long = "自2021年9月30日18:00起，全市各级医疗保障经办窗口暂停办理全部医保业务，" * 12
    blocks = _page_blocks(f"<table><tr><td><p>{long}</p><p>特此公告。</p></td></tr></table>")
    assert [kind for kind, _ in blocks] == ["paragraph", "paragraph"]


def test_cleaning_html_related_heading_cuts_the_rest() -> None:
    body = "<div><p>自2021年9月30日18:00起，全市各级医疗保障经办窗口暂停办理全部医保业务。</p><p>相关阅读：</p><p>北京上调退休人员基本养老金的通知全文</p></div>"
    assert [text for _, text in _page_blocks(body)] == ["自2021年9月30日18:00起，全市各级医疗保障经办窗口暂停办理全部医保业务。"]


def test_cleaning_html_hidden_and_script_text_dropped() -> None:
    body = "<div><p>自9月30日起暂停办理全部医保业务，恢复时间另行通知。</p><p style='display: none'>隐藏的文字不要</p><noscript>请开启脚本</noscript></div>"
    assert [text for _, text in _page_blocks(body)] == ["自9月30日起暂停办理全部医保业务，恢复时间另行通知。"]


def test_cleaning_html_link_lists_dropped_but_inline_links_kept() -> None:
    body = ("<div><p>登录<a href='https://etax.chinatax.gov.cn'>自然人电子税务局网站</a>办理，停机期间其他税费业务照常办理。</p>"
            "<ul><li><a href='/1'>关于2019年7月纳税申报期限的通告</a></li><li><a href='/2'>企业所得税汇算清缴的提示</a></li></ul></div>")
    assert [text for _, text in _page_blocks(body)] == ["登录自然人电子税务局网站办理，停机期间其他税费业务照常办理。"]


def test_cleaning_blocks_are_joined_by_newlines() -> None:
    cleaned = clean(PAGE, "text/html", title="关于系统切换停机的公告")
    assert cleaned.text == "\n".join(cleaned.text[b.start:b.end] for b in cleaned.blocks)
    table = [b for b in cleaned.blocks if b.kind == "table_row"]
    assert [cleaned.text[s:e] for s, e in table[1].cells] == ["结算", "9月30日"]
    assert table[0].header and not table[1].header


def test_cleaning_html_spanned_cells_keep_the_columns() -> None:
    body = ("<div><p>自2021年9月30日18:00起，全市各级医疗保障经办窗口暂停办理全部医保业务，新平台上线后恢复。</p><table>"
            "<tr><th>业务</th><th>停止时间</th><th>开通时间</th></tr>"
            "<tr><td>医院结算</td><td rowspan='2'>12月31日18:00</td><td>1月1日8:00</td></tr>"
            "<tr><td>药店结算</td><td>1月2日8:00</td></tr>"
            "<tr><td colspan='2'>网上服务大厅</td><td>1月3日9:00</td></tr></table></div>")
    rows = [text for kind, text in _page_blocks(body) if kind == "table_row"]
    assert rows == ["业务\t停止时间\t开通时间", "医院结算\t12月31日18:00\t1月1日8:00", "药店结算\t\t1月2日8:00",
                    "网上服务大厅\t\t1月3日9:00"]
    covered = [b.covered for b in clean(body, "text/html").blocks if b.kind == "table_row"]
    assert covered == [(), (), (1,), ()]       # only the cell under the rowspan is covered, not the colspan's


def test_cleaning_html_wechat_body_hidden_until_shown_is_kept() -> None:
    """WeChat articles keep their body under ``visibility: hidden`` until a script shows it."""
    body = ("<div id='js_content' style='visibility: hidden;'><section><span>自2024年11月29日18:00起，</span>"
            "<span>全市失业保险业务暂停办理。</span></section></div><div style='display:none'><p>隐藏的文字不要</p></div>")
    assert [text for _, text in _page_blocks(body)] == ["自2024年11月29日18:00起，全市失业保险业务暂停办理。"]


WRAPPED = (
    "南充市人力资源和社会保障局关于暂停部分业务的通知\n"
    "　　按照四川省人力资源和社会保障厅统一部署，我市社会保障卡管理系\n"
    "统将迁移至四川省人社一体化信息平台。为确保系统迁移平稳有序，现将\n"
    "有关事项通知如下。\n"
    "　　2025年3月14日（星期五）17时至3月17日（星期一）9\n"
    "时，全市社会保障卡申领、补换卡、正式挂失、解挂、密码重置等业\n"
    "\n— 2 —\n\n"
    "务暂停办理。暂停期间，各县（市、区）社保卡服务窗口、社保卡合\n"
    "作银行网点同步暂停上述业务，系统恢复后再补办正式挂失手续。\n"
    "　　社会保障卡业务于3月17日（星期一）9时起恢复办理，请错峰办理。\n"
)


def test_cleaning_plain_text_hard_wrapped_lines_run_on() -> None:
    lines = [line for line in unwrapped(WRAPPED).split("\n") if line.strip()]
    assert [line.strip()[:8] for line in lines] == ["南充市人力资源和", "按照四川省人力资", "2025年3月1", "社会保障卡业务于"]
    assert "（星期一）9时，全市" in lines[2] and "— 2 —" not in unwrapped(WRAPPED)
    assert f"等业{CUT}务暂停办理" in lines[2]         # a CUT mark where the page number stood


PRINTED = (   # a portal page printed to PDF and saved as text: a running header and footer on every page
    "2023/11/13 09:41          某市人社局关于系统升级暂停业务的通告\n\n"
    "某市人社局关于系统升级暂停业务的通告\n"
    "　　根据自治区人力资源和社会保障厅关于全区人社一体化信息平台建设的统一部署，我市\n"
    "现行社会保险业务经办系统将整体迁移至广西人社一体化信息平台，其间部分人社服务需暂\n"
    "停办理。现将有关事项通告如下：\n"
    "　　一、全市社会保险业务的线上、线下各类服务渠道同步暂停办理的时间为2023年11月\n"
    "24日（星期五）18:00至12月4日（星期一）8:30。停机期间，各级经办窗口安排专人值守，\n"
    "照常提供政策咨询，并接收纸质申请材料，系统恢复后按受理先后顺序办结，城乡居民基本\n\n"
    "http://rsj.example.gov.cn/zwgk/tzgg/202311/t20231110_3271846.shtml                  1/2\n"
    "2023/11/13 09:41          某市人社局关于系统升级暂停业务的通告\n\n"
    "养老保险的待遇资格认证顺延至系统恢复后办理，不影响待遇正常领取和按时发放到账。\n"
    "　　二、咨询电话：12333。\n"
    "某市人力资源和社会保障局\n"
    "2023年11月9日\n\n"
    "http://rsj.example.gov.cn/zwgk/tzgg/202311/t20231110_3271846.shtml                  2/2\n"
)


def test_cleaning_plain_text_printed_page_furniture_dropped() -> None:
    text = unwrapped(PRINTED)
    assert "http://" not in text and "2023/11/13" not in text        # the header of every page, the first too
    assert f"城乡居民基本{CUT}养老保险的待遇资格认证" in text                  # a paragraph across the page break
    assert "2023年11月24日（星期五）18:00" in text                         # a date across a line break


def test_cleaning_plain_text_not_wrapped_is_unchanged() -> None:
    text = (ROOT / "corpus" / "000_d7652f1d30021301.txt").read_text(encoding="utf-8")
    assert unwrapped(text) == text


def test_cleaning_plain_text_table_laid_out_in_columns() -> None:
    text = ("其他业务暂停安排见下表：\n"
            "业务类别          暂停时间                          恢复时间\n"
            "就业创业业务      12月29日18:00至2024年1月3日24:00   1月4日8:30\n"
            "社会保障卡业务    12月30日0:00至2024年1月2日24:00    1月3日9:00\n"
            "请各单位合理安排业务办理时间　　避开暂停时段。\n")
    pieces = text_pieces(text)
    assert [(p.kind, p.header, p.cells) for p in pieces[1:4]] == [
        ("table_row", True, ("业务类别", "暂停时间", "恢复时间")),
        ("table_row", False, ("就业创业业务", "12月29日18:00至2024年1月3日24:00", "1月4日8:30")),
        ("table_row", False, ("社会保障卡业务", "12月30日0:00至2024年1月2日24:00", "1月3日9:00")),
    ]
    assert pieces[0].kind != "table_row" and pieces[4].kind != "table_row"   # a lone line with gaps is no table


# fmt: off
HEADER_ROWS = [
    # (id, table rows (cells split by |, th marked with !), which rows are headers)
    ("th cells",         ["!业务|!暂停时间", "结算|9月30日"],                     [True, False]),
    ("td names columns", ["区县|地址|咨询电话", "崇川区|青年中路128号|0513-85517236"], [True, False]),
    ("td with digits",   ["医保结算|9月30日", "药店结算|10月1日"],                [False, False]),
    ("long first cell",  ["本次暂停的业务范围说明|备注", "结算|暂停"],               [False, False]),
    ("one cell",         ["说明", "结算|暂停"],                                   [False, False]),
    # a header row grouping columns (colspan, rowspan) has the row naming them under it
    ("grouped header",   ["业务~r2|暂停时段~c2|备注~r2", "开始日期|截止日期", "养老|11月29日|12月9日|"],
                                                                                 [True, True, False]),
    ("ungrouped header", ["业务|状态", "养老|暂停"],                              [True, False]),
]
# fmt: on


@pytest.mark.parametrize(("rows", "headers"), [h[1:] for h in HEADER_ROWS], ids=[h[0] for h in HEADER_ROWS])
def test_cleaning_table_header_rows(rows: list[str], headers: list[bool]) -> None:
    def cell(text: str) -> str:       # !: a th cell; ~r2 / ~c4: rowspan / colspan
        text, _, span = text.partition("~")
        attribute = f" {'rowspan' if span[0] == 'r' else 'colspan'}='{span[1:]}'" if span else ""
        return f"<th{attribute}>{text[1:]}</th>" if text.startswith("!") else f"<td{attribute}>{text}</td>"

    body = "".join("<tr>" + "".join(cell(c) for c in row.split("|")) + "</tr>" for row in rows)
    cleaned = clean(f"<div><p>各设区市切换时间安排如下：</p><table>{body}</table></div>", "text/html")
    assert [b.header for b in cleaned.blocks if b.kind == "table_row"] == headers


# fmt: off
ATTACHMENTS = [
    # (id, lines after a notice's signature, lines kept of them)
    ("old notice",        ["附件：", "某市人社局关于2023年系统停机维护的通告（原文）", "2023年6月30日起暂停。"], []),
    ("title on label",    ["附件1：关于2023年系统停机维护的公告", "2023年6月30日起暂停。"],                        []),
    ("a schedule",        ["附件：全省医保信息平台切换时间表.xlsx"],                  ["附件：全省医保信息平台切换时间表.xlsx"]),
]
# fmt: on


@pytest.mark.parametrize(("after", "kept"), [a[1:] for a in ATTACHMENTS], ids=[a[0] for a in ATTACHMENTS])
def test_cleaning_ends_before_an_attached_notice(after: list[str], kept: list[str]) -> None:
    body = "\n".join(["关于系统停机的通告", "2024年5月31日起暂停办理社保业务。", "某市人力资源和社会保障局", "2024年5月20日", *after])
    cleaned = assemble(finish(text_pieces(body)))
    lines = cleaned.text.split("\n")
    assert lines[4:] == kept


def test_cleaning_dropped_label_takes_its_wrapped_value() -> None:
    text = ("关于系统升级暂停业务的通告\n2023年11月24日18:00至12月4日8:30暂停办理社会保险业务。\n咨询电话：\n12333\n"
            "主办：某市人力资源和社会保障局　网站联系电话：\n0772-2806118")
    cleaned = clean(text, "text/plain")
    blocks = [cleaned.text[b.start:b.end] for b in cleaned.blocks]
    assert "12333" in blocks and "0772-2806118" not in blocks     # a kept label keeps its value


ARTICLE = ("<p>2024年3月22日18:00至3月25日8:00，全市医保经办服务大厅暂停办理医保业务，定点医药机构暂停联网结算，"
           "请参保人员提前安排，如有疑问请拨打12393咨询。</p><p>系统恢复后，各项医保业务恢复正常办理。</p>")


def test_cleaning_template_content_is_content() -> None:
    body = f"<html><body><div><h1>关于医保系统升级的公告</h1></div><template><div>{ARTICLE}</div></template></body></html>"
    assert "暂停办理医保业务" in clean(body, "text/html").text


def test_cleaning_article_kept_in_a_script_is_read_when_the_page_shows_none() -> None:
    escaped = json.dumps(ARTICLE.replace("，请参保", '，"请"参保'), ensure_ascii=False).replace("<", "\\u003C")
    body = (f"<html><body><div id='app'></div><script>window.__INITIAL_STATE__ = {{\"title\":\"公告\","
            f"\"content\":{escaped}}};</script></body></html>")
    cleaned = clean(body, "text/html")
    assert "暂停办理医保业务" in cleaned.text and "u003C" not in cleaned.text
    assert cleaned.cuts                      # the escaped quotation marks (\") leave CUT marks: no quote runs across


def test_cleaning_json_string_escapes_outside_tags_are_cut() -> None:
    assert json_string_with_cuts(r'\u003Cp class=\"x\"\u003E甲\"乙\"丙\u003C\/p\u003E') == \
        f'{CUT}<p class="x">甲{CUT}"{CUT}乙{CUT}"{CUT}丙{CUT}</p>'


def test_cleaning_iframe_srcdoc_is_not_read() -> None:
    """Its text is an attribute value: no quote of it could be found in the page's text."""
    srcdoc = html.escape(ARTICLE)
    body = f"<html><body><div><p>关于医保系统升级的公告</p></div><iframe srcdoc=\"{srcdoc}\"></iframe></body></html>"
    assert "暂停办理医保业务" not in clean(body, "text/html").text
