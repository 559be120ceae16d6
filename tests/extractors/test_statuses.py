"""Service-line statuses of single sentences (extractors/statuses.py through the pipeline)."""
from __future__ import annotations

import pytest

from extractors.pipeline import extract
from tests.conftest import document_of

# fmt: off
SERVICES = [
    # sentence, {(service, status)}
    ("升级期间，社会保险费缴费业务同步暂停。",            {("contribution", "suspended")}),
    ("个人所得税APP正常使用。",                           set()),              # names an app, not the tax line
    ("停机期间，个人所得税业务正常办理。",                 {("tax", "available")}),
    ("切换期间，各办税服务厅暂停办理各项涉税缴费业务。",     {("tax", "suspended")}),
    ("电子税务局暂停服务，纳税人暂不能办理申报、缴税等业务。", {("tax", "suspended")}),
    ("暂停期间，暂停办理各项涉税（费）业务。",              {("tax", "suspended")}),
    ("停机期间，暂停办理养老保险、失业保险业务。",          {("pension", "suspended"), ("unemployment", "suspended")}),
    ("社会保障卡管理信息系统不受停机影响。",               {("ss_card", "available")}),
    ("停机期间，失业保险金正常发放。",                    {("unemployment", "available")}),
    ("失业保险金不作提前发放，9月份的失业保险金在系统恢复后按月发放，不影响领取人员权益。", set()),   # rights, no status
    ("停机期间，面向公安、医保等部门的数据共享接口同步暂停。", {("data_sharing", "suspended")}),   # 医保 the agency
    ("暂停期间，向公安、税务、住房公积金、不动产登记等部门提供的数据共享接口暂停。", {("data_sharing", "suspended")}),
    ("各合作银行网点暂停办理社会保障卡申领、补换卡和正式挂失业务。", {("ss_card", "suspended")}),   # 挂失业务 holds 失业
    ("停机期间，失业保险暂停办理，窗口仅提供政策咨询服务。\n（三）2023年10月份养老金提前至2023年9月26日发放到账。",
                                                         {("unemployment", "suspended")}),   # a payment, no status
    # a cue-less sentence right under its heading says what the heading announces
    ("一、暂停办理的业务范围\n全省养老保险、失业保险的参保登记等经办业务。",
                                                         {("pension", "suspended"), ("unemployment", "suspended")}),
    ("三、不受影响的业务\n医疗保险、生育保险业务。",       {("medical", "available"), ("maternity", "available")}),
    ("二、切换安排\n2023年11月18日起，养老保险数据迁移至新系统。", set()),  # it states a time of its own
    ("一、暂停办理的业务范围\n详见附件。\n养老保险经办业务。", set()),  # not right under the heading
    # a sibling item speaks for itself only: (五) is governed by its lead, not by (四)'s verdict
    ("二、就医结算办法\n（四）生育。生育津贴申领顺延，待遇不受影响。\n（五）异地就医。在区外就医的，费用先行垫付。",
                                                         {("maternity", "available")}),
    ("二、暂停办理的业务\n（一）养老保险。\n1.参保登记暂停。\n2.失业保险金申领。",
                                                         {("pension", "suspended"), ("unemployment", "suspended")}),
    # 停机不影响/不涉及 X: the outage leaves X alone; a credential's name is no service line
    ("我市医保业务已独立运行，此次停机不影响看病就医和医保结算。",          {("medical", "available")}),
    ("此次停机不涉及医保信息系统。",                                   {("medical", "available")}),
    ("身份核验接口暂停，就诊时可改用医保电子凭证核验身份。",               set()),
    # a question takes the verdict of a bare answer (问：…呢？ 答：暂停办理。)
    ("问5：社保卡挂失和补换卡呢？\n答：暂停办理。",            {("ss_card", "suspended")}),
    ("问：医保结算还能用吗？\n答：不受影响。",                  {("medical", "available")}),
    ("问：失业保险金申领也是这个时间吗？\n答：不是。",          set()),              # no verdict cue
    ("问：养老金会晚发吗？\n答：不会。3月份养老金提前于3月16日发放到账。", set()),
    # the subject of a deadline's request says nothing of the outage
    ("因系统切换未能按期缴纳养老保险费的，请于2023年12月20日前完成补缴，不影响个人权益。", set()),
    ("因系统停机暂停办理养老保险的，可在2023年4月30日前补办。",            set()),
]
CHANNELS = [
    # sentence, {(kind, status)}
    ("停机期间，可继续通过办税服务厅缴纳，请于2023年12月25日前完成缴费。", {("tax_office", "available")}),
    ("请于2023年11月24日前通过网上服务大厅完成申报。",                    set()),
    ("2023年11月24日前，参保单位可通过网上服务大厅办理。",                  set()),
    ("停机期间，网上服务大厅暂停办理。",                                   {("website", "suspended")}),
    # a labelled list under a heading takes what governs it
    ("二、暂停的服务渠道\n线下渠道：经办服务大厅；协议医疗机构暂停联网结算。\n线上渠道：网上服务大厅、微信公众号。",
     {("service_hall", "suspended"), ("medical_institution", "suspended"), ("website", "suspended"),
      ("wechat", "suspended")}),
    ("二、暂停的服务渠道\n详见附件。\n请关注微信公众号。",                    set()),
    ("除网上服务大厅外，经办窗口暂停办理。",           {("website", "available"), ("service_hall", "suspended")}),
    ("除网上服务大厅继续暂停外，经办窗口同步暂停办理。", {("website", "suspended"), ("service_hall", "suspended")}),
    ("暂停期间，各服务网点安排工作人员值班，提供政策咨询和资料预审服务。", {("service_hall", "available")}),
    ("暂停期间，服务网点暂停办理。\n（四）系统恢复初期办理人数较多，建议优先通过网上服务大厅申请。",
     {("service_hall", "suspended")}),                                  # 恢复初期: after the outage
    ("暂停期间，下列渠道停止办理上述业务：\n\uf06c 网上服务大厅；\n\uf06c 微信公众号。",      # Word's bullets
     {("website", "suspended"), ("wechat", "suspended")}),
    # a cue-less sentence after a semicolon goes on with the statement before it
    ("暂停服务的渠道包括：经办服务大厅；网上服务大厅、微信公众号中的各项业务。",
     {("service_hall", "suspended"), ("website", "suspended"), ("wechat", "suspended")}),
    ("经办服务大厅暂停办理。\n网上服务大厅、微信公众号中的各项业务。",  {("service_hall", "suspended")}),
    # ... only with the statement it continues, not with sentences further up
    ("暂停期间遇急诊可先行就医。\n咨询电话：市医保局 0539-3262581；医保服务热线 12393。",
     {("hotline", "available")}),
    ("暂停期间：\n网上服务大厅停止办理；微信公众号同步关闭。\n咨询电话：0539-3262581；服务热线 12393。",
     {("website", "suspended"), ("wechat", "suspended"), ("hotline", "available")}),
    # the channels a definition lists take the statuses of the group's name elsewhere
    ("线上渠道包括：网上服务大厅、微信公众号。\n2021年11月20日12:00起，线上渠道暂停服务。",
     {("website", "suspended"), ("wechat", "suspended")}),
    ("线上渠道包括：网上服务大厅、微信公众号。",                      set()),      # the group has no status
    ("二、渠道说明\n1.线下窗口包括：各服务大厅、受托银行网点。\n线下窗口照常办理。",
     {("service_hall", "available"), ("bank", "available")}),
    # a 但 clause that names nothing of its own turns on the channel before it
    ("12329住房公积金服务热线正常提供政策咨询，但暂停账户余额查询。",        {("hotline", "available"), ("hotline", "suspended")}),
    ("网上服务大厅暂停办理，但微信公众号照常办理。",                      {("website", "suspended"), ("wechat", "available")}),
    ("全市各办税服务厅暂停办理各项涉税业务，仅提供政策咨询服务。",          {("tax_office", "suspended"), ("tax_office", "available")}),
    # a channel named as the owner of a number, or a place in a directory table, has no status
    ("如有疑问，可拨打以下各地医保经办服务大厅咨询电话。",                 {("hotline", "available")}),
    ("如有疑问，可到医保经办服务大厅咨询。",                            {("service_hall", "available")}),
    ("各管理部地址可在管理中心官网“服务网点”栏目查询。",                   set()),      # a site's section
    ("升级安排如有调整，将通过“峨边人社”微信公众号及时告知。",              set()),      # where news is posted
    ("单位网上业务平台暂停使用。",                                      {("website", "suspended")}),
    ("升级期间，电话自助语音查询服务暂停使用。",                          {("hotline", "suspended")}),
    # a channel that resumes was stopped; after the resumption (恢复后) it says nothing
    ("11月16日8时起，经办窗口、社银合作网点以及网上服务大厅同步恢复服务。",
     {("service_hall", "suspended"), ("bank", "suspended"), ("website", "suspended")}),
    ("系统恢复后，可通过网上服务大厅办理。",                              set()),
    ("经办窗口暂停办理，网上服务大厅照常运行。",   {("service_hall", "suspended"), ("website", "available")}),
    # what follows a start from the resumption on speaks of the time after it; what precedes it does not
    ("2023年12月31日至2024年1月2日，经办服务大厅暂停办理医保业务，2024年1月3日起恢复。\n2024年1月3日起，可到网上服务大厅办理。",
     {("service_hall", "suspended")}),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), SERVICES, ids=[s[0][:12] for s in SERVICES])
def test_service_statuses_of_a_sentence(sentence: str, expected: set[tuple[str, str]]) -> None:
    facts = extract(document_of(sentence))
    assert {(s.service, s.status) for s in facts.services} == expected


@pytest.mark.parametrize(("sentence", "expected"), CHANNELS, ids=[s[0][:12] for s in CHANNELS])
def test_channel_statuses_of_a_sentence(sentence: str, expected: set[tuple[str, str]]) -> None:
    facts = extract(document_of(sentence))
    assert {(c.kind, c.status) for c in facts.channels} == expected


@pytest.mark.parametrize(("header", "halls"), [("区县\t地址\t咨询电话", set()), ("区县\t办理渠道", {"available"})],
                         ids=["directory", "table of channels"])
def test_channel_statuses_not_given_to_a_directory_of_places(header: str, halls: set[str]) -> None:
    text = f"如有疑问，可在工作时间办理：\n{header}\n崇川区\t青年中路128号区政务服务中心一楼"
    facts = extract(document_of(text, {1: "table_header", 2: "table_row"}))
    assert {c.status for c in facts.channels if c.kind == "service_hall"} == halls
