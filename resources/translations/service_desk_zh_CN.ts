<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Application</name>
    <message>
        <source>Service Desk</source>
        <translation>服务前台</translation>
    </message>
    <message>
        <source>Service Desk is already open with this data folder (on this computer, or on another one sharing the folder). Switch to the open window.</source>
        <translation>售后服务前台已在使用此数据文件夹（本机或共享该文件夹的另一台电脑）。请切换到已打开的窗口。</translation>
    </message>
</context>
<context>
    <name>AppointmentStatsDialog</name>
    <message>
        <source>Appointment statistics</source>
        <translation>预约统计</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>No appointment in this period.</source>
        <translation>本期间没有预约。</translation>
    </message>
    <message>
        <source>{made} appointments: {kept} kept, {missed} missed, {cancelled} cancelled, {open} still to come; kept rate {rate}.</source>
        <translation>预约 {made} 台次：按约到店 {kept}，失约 {missed}，取消 {cancelled}，尚未到期 {open}；履约率 {rate}。</translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Reminded</source>
        <translation>已提醒</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>已到店</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>未到店</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Customer asked</source>
        <translation>客户预约</translation>
    </message>
    <message>
        <source>Dealer proposed</source>
        <translation>本店邀约</translation>
    </message>
    <message>
        <source>Remind now</source>
        <translation>请提醒</translation>
    </message>
    <message>
        <source>Reminder late</source>
        <translation>提醒已迟</translation>
    </message>
</context>
<context>
    <name>AppointmentsDesk</name>
    <message>
        <source>Appointments on</source>
        <translation>预约日期</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Reminders due</source>
        <translation>待提醒</translation>
    </message>
    <message>
        <source>No reminder due: customers are reminded half a day to a day before.</source>
        <translation>暂无待提醒：预约前半天至一天提醒客户。</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Amount in yuan</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Deposit (¥)</source>
        <translation>定金（¥）</translation>
    </message>
    <message>
        <source>Voucher / transaction no. (card, transfer)</source>
        <translation>凭证号 / 交易号（刷卡、转账）</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>To&amp;day</source>
        <translation>今天(&amp;D)</translation>
    </message>
    <message>
        <source>Print the &amp;bay list (today and tomorrow)</source>
        <translation>打印车间预约工位表（今明两天）(&amp;B)</translation>
    </message>
    <message>
        <source>Appointment &amp;statistics …</source>
        <translation>预约统计表 …(&amp;S)</translation>
    </message>
    <message>
        <source>Take de&amp;posit</source>
        <translation>收定金(&amp;P)</translation>
    </message>
    <message>
        <source>Customer re&amp;minded</source>
        <translation>已提醒客户(&amp;M)</translation>
    </message>
    <message>
        <source>Ca&amp;ncel …</source>
        <translation>取消…(&amp;N)</translation>
    </message>
    <message>
        <source>M&amp;issed</source>
        <translation>失约(&amp;I)</translation>
    </message>
    <message>
        <source>Print the appointment &amp;form</source>
        <translation>打印预约单(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Arrived: open the repair order</source>
        <translation>已到店：开进厂维修单(&amp;A)</translation>
    </message>
    <message>
        <source>{left} of {capacity} places left that day</source>
        <translation>当天剩余 {left} / {capacity} 个名额</translation>
    </message>
    <message>
        <source>No appointment on this day yet — book one on the right.</source>
        <translation>当天暂无预约——请在右侧登记。</translation>
    </message>
    <message>
        <source>{number} · {plate} · {customer} {phone} — {state}</source>
        <translation>{number} · {plate} · {customer} {phone} — {state}</translation>
    </message>
    <message>
        <source>{day} {time} · {asked} · {work}</source>
        <translation>{day} {time} · {asked} · {work}</translation>
    </message>
    <message>
        <source>Parts {parts}{ordered} · deposit asked {asked}, paid {paid}</source>
        <translation>配件 {parts}{ordered} · 应收定金 {asked}，已收 {paid}</translation>
    </message>
    <message>
        <source> (to order)</source>
        <translation>（需订货）</translation>
    </message>
    <message>
        <source>Repair order {number}</source>
        <translation>进厂维修单 {number}</translation>
    </message>
    <message>
        <source>Cancelled: {reason}</source>
        <translation>已取消：{reason}</translation>
    </message>
    <message>
        <source>Cancel the appointment</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>Why is it cancelled (customer&apos;s call, dealer&apos;s reason)?</source>
        <translation>取消原因（客户来电或本店原因）？</translation>
    </message>
</context>
<context>
    <name>ArchiveDesk</name>
    <message>
        <source>Plate, phone, name or VIN fragment</source>
        <translation>车牌、电话、姓名或 VIN 片段</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Save customer</source>
        <translation>保存客户</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Add a vehicle</source>
        <translation>添加车辆</translation>
    </message>
    <message>
        <source>Change owner …</source>
        <translation>变更车主…</translation>
    </message>
    <message>
        <source>Receive at the counter</source>
        <translation>前台接待</translation>
    </message>
    <message>
        <source>Save vehicle</source>
        <translation>保存车辆</translation>
    </message>
    <message>
        <source>Repair history</source>
        <translation>维修记录</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>车主记录</translation>
    </message>
    <message>
        <source>Odometer</source>
        <translation>里程</translation>
    </message>
    <message>
        <source>First contact: {name} · registered {date}</source>
        <translation>首问责任人：{name} · 建档 {date}</translation>
    </message>
    <message>
        <source>Change owner</source>
        <translation>变更车主</translation>
    </message>
    <message>
        <source>New owner: phone or name (register them first if new)</source>
        <translation>新车主：电话或姓名（新客户请先建档）</translation>
    </message>
    <message>
        <source>New owner</source>
        <translation>新车主</translation>
    </message>
    <message>
        <source>Note (e.g. sold, transfer)</source>
        <translation>备注（如：出售、过户）</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>The backup could not be written: is the disk full?</source>
        <translation>无法写入备份：磁盘是否已满？</translation>
    </message>
    <message>
        <source>The backup failed its check and was thrown away.</source>
        <translation>备份未通过校验，已丢弃。</translation>
    </message>
    <message>
        <source>The backup is good here, but the second folder did not take a copy (stick not in? share not reachable?).</source>
        <translation>本机备份正常，但未能复制到第二备份位置（U 盘未插入？网络共享无法访问？）。</translation>
    </message>
    <message>
        <source>This file is no Service Desk backup, or it is damaged.</source>
        <translation>此文件不是售后服务前台的备份，或已损坏。</translation>
    </message>
    <message>
        <source>This backup was made by a newer Service Desk: update first.</source>
        <translation>此备份由更新版本的售后服务前台生成，请先升级软件。</translation>
    </message>
    <message>
        <source>A file of that name is there already.</source>
        <translation>已存在同名文件。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>尚无备份</translation>
    </message>
    <message>
        <source>Last good backup: {at}</source>
        <translation>最近一次成功备份：{at}</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kept as</source>
        <translation>保留类型</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>工单数</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore the picked backup …</source>
        <translation>恢复所选备份 …</translation>
    </message>
    <message>
        <source>Restore from a file …</source>
        <translation>从文件恢复 …</translation>
    </message>
    <message>
        <source>Backups are kept in {folder} (14 daily, 12 monthly).</source>
        <translation>备份保存在 {folder}（保留 14 份每日备份、12 份每月备份）。</translation>
    </message>
    <message>
        <source>A copy goes to {folder}.</source>
        <translation>同时复制一份到 {folder}。</translation>
    </message>
    <message>
        <source>Backing up… the counter can go on working meanwhile.</source>
        <translation>正在备份…期间前台可照常工作。</translation>
    </message>
    <message>
        <source>A backup is being made already: wait for it to finish.</source>
        <translation>已在备份中：请等待完成。</translation>
    </message>
    <message>
        <source>Backed up and checked: {rows} rows.</source>
        <translation>已备份并校验：共 {rows} 行。</translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <source>Service Desk backup (*.sqlite3)</source>
        <translation>售后服务前台备份 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Replace the whole database with the backup {name}? Everything entered since then is replaced (the current database is kept aside first).</source>
        <translation>确定用备份 {name} 替换整个数据库吗？此后录入的所有内容都将被替换（当前数据库会先另行保存）。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Restored {name}. The database before is kept as {aside}.</source>
        <translation>已恢复 {name}。恢复前的数据库已另存为 {aside}。</translation>
    </message>
    <message>
        <source>A backup is being made: restore when it has finished.</source>
        <translation>正在备份：请在备份完成后再恢复。</translation>
    </message>
</context>
<context>
    <name>BelongingsSection</name>
    <message>
        <source>Belongings</source>
        <translation>随车物品</translation>
    </message>
    <message>
        <source>Pick from the list or type any item</source>
        <translation>从列表选择或输入物品</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除此行</translation>
    </message>
    <message>
        <source>Nothing left in the car</source>
        <translation>车内无物品</translation>
    </message>
    <message>
        <source>e.g. 12</source>
        <translation>如 12</translation>
    </message>
    <message>
        <source>Storage box no.</source>
        <translation>物品箱号</translation>
    </message>
</context>
<context>
    <name>BookingForm</name>
    <message>
        <source>Book an appointment</source>
        <translation>登记预约</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>预约方式</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Standard job</source>
        <translation>标准作业</translation>
    </message>
    <message>
        <source>What the customer wants done, in their words</source>
        <translation>客户要求的项目（客户原话）</translation>
    </message>
    <message>
        <source>Work requested</source>
        <translation>预约项目</translation>
    </message>
    <message>
        <source>Estimated parts price in yuan</source>
        <translation>配件估价（元）</translation>
    </message>
    <message>
        <source>Parts estimate (¥)</source>
        <translation>配件估价（¥）</translation>
    </message>
    <message>
        <source>Parts must be ordered (deposit: at least half their price)</source>
        <translation>配件需订货（定金不少于配件价的一半）</translation>
    </message>
    <message>
        <source>Deposit asked (¥)</source>
        <translation>应收定金（¥）</translation>
    </message>
    <message>
        <source>Car of the c&amp;urrent order</source>
        <translation>当前工单的车辆(&amp;U)</translation>
    </message>
    <message>
        <source>Boo&amp;k</source>
        <translation>预约(&amp;K)</translation>
    </message>
    <message>
        <source>No car chosen: search its plate, the phone or the name above.</source>
        <translation>尚未选择车辆：请在上方搜索车牌、电话或姓名。</translation>
    </message>
</context>
<context>
    <name>CallList</name>
    <message>
        <source>Declined {item} ({amount}) on {day}</source>
        <translation>{day} 未做：{item}（{amount}）</translation>
    </message>
    <message>
        <source>Call back as asked ({time})</source>
        <translation>按约回电（{time}）</translation>
    </message>
    <message>
        <source>Campaign {name} (until {day})</source>
        <translation>活动 {name}（截至 {day}）</translation>
    </message>
    <message>
        <source>letter sent {day}</source>
        <translation>信函已于 {day} 发送</translation>
    </message>
    <message>
        <source>Service overdue since {day}</source>
        <translation>保养已于 {day} 到期</translation>
    </message>
    <message>
        <source>Service due {day} (within 7 days)</source>
        <translation>{day} 保养到期（7 天内）</translation>
    </message>
    <message>
        <source>Service due {day} (within 30 days)</source>
        <translation>{day} 保养到期（30 天内）</translation>
    </message>
    <message>
        <source>about {km} km now, due at {due} km</source>
        <translation>目前约 {km} 公里，{due} 公里到期</translation>
    </message>
    <message>
        <source>no. {id}</source>
        <translation>第 {id} 号</translation>
    </message>
</context>
<context>
    <name>CallListPage</name>
    <message>
        <source>Log contact…</source>
        <translation>登记联系…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>&amp;Log contact…</source>
        <translation>登记联系…(&amp;L)</translation>
    </message>
    <message>
        <source>Nobody to call today: no service due within 30 days, no declined work.</source>
        <translation>今天无需致电：30 天内无保养到期，也无未做项目。</translation>
    </message>
    <message>
        <source>Numbers to mend</source>
        <translation>待更正的号码</translation>
    </message>
    <message>
        <source>Updating the call list…</source>
        <translation>正在更新致电清单…</translation>
    </message>
    <message>
        <source>Building the call list… (a few seconds on years of data)</source>
        <translation>正在生成致电清单…（多年数据需几秒钟）</translation>
    </message>
    <message>
        <source>{n} cars to call today, {overdue} overdue</source>
        <translation>今天需致电 {n} 台车，其中 {overdue} 台已逾期</translation>
    </message>
    <message>
        <source>, {n} asked to be called back</source>
        <translation>，{n} 位约定回电</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>意外错误：{error}</translation>
    </message>
    <message>
        <source>The call list could not be built.</source>
        <translation>无法生成致电清单。</translation>
    </message>
    <message>
        <source>Numbers to mend ({n})</source>
        <translation>待更正号码（{n}）</translation>
    </message>
    <message>
        <source>— update the customer&apos;s phone in the archive</source>
        <translation>— 请在客户档案中更新电话号码</translation>
    </message>
    <message>
        <source>Contact history</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>— pick a line to see its calls</source>
        <translation>— 选择一行查看其联系记录</translation>
    </message>
    <message>
        <source>Contact history of {customer} · {plate}</source>
        <translation>{customer} · {plate} 的联系记录</translation>
    </message>
    <message>
        <source>— no contact logged yet</source>
        <translation>— 尚无联系记录</translation>
    </message>
    <message>
        <source>Logged for {plate}: {what}</source>
        <translation>已为 {plate} 登记：{what}</translation>
    </message>
    <message>
        <source>Open at reception</source>
        <translation>在接待台打开</translation>
    </message>
</context>
<context>
    <name>CampaignForm</name>
    <message>
        <source>Group</source>
        <translation>客户分组</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>e.g. Winter free inspection</source>
        <translation>例如：冬季免费检测</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>What the customer gets (free inspection, 20 % off)</source>
        <translation>客户可享受的内容（免费检测、八折等）</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>优惠内容</translation>
    </message>
    <message>
        <source>The letter&apos;s own paragraph (needed to print)</source>
        <translation>信函专用段落（打印信函时必填）</translation>
    </message>
    <message>
        <source>Letter text</source>
        <translation>信函正文</translation>
    </message>
    <message>
        <source>&amp;Launch campaign</source>
        <translation>发起活动(&amp;L)</translation>
    </message>
    <message>
        <source>Pick a saved group in the list to launch on.</source>
        <translation>请在列表中选择要发起活动的已保存分组。</translation>
    </message>
    <message>
        <source>{name} ({n} cars today)</source>
        <translation>{name}（今日 {n} 台车）</translation>
    </message>
</context>
<context>
    <name>Campaigns</name>
    <message>
        <source>Free inspection</source>
        <translation>免费检测</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>Service reminder</source>
        <translation>保养提醒</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>邀请函</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>7 天内到期</translation>
    </message>
    <message>
        <source>Due within 30 days</source>
        <translation>30 天内到期</translation>
    </message>
    <message>
        <source>Overdue or due within 30 days</source>
        <translation>已逾期或 30 天内到期</translation>
    </message>
    <message>
        <source>{cars} cars, {customers} customers</source>
        <translation>{cars} 台车，{customers} 位客户</translation>
    </message>
    <message>
        <source>{letters} letters for {cars} cars.</source>
        <translation>共 {letters} 封信函，涉及 {cars} 台车。</translation>
    </message>
    <message>
        <source>{n} cars left out (sold, or a wrong number).</source>
        <translation>已排除 {n} 台车（已卖车或号码错误）。</translation>
    </message>
    <message>
        <source>{n} customers have this letter already.</source>
        <translation>{n} 位客户已收到此信函。</translation>
    </message>
    <message>
        <source>No (sold the car)</source>
        <translation>否（已卖车）</translation>
    </message>
    <message>
        <source>No (wrong number)</source>
        <translation>否（号码错误）</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>within 7 days</source>
        <translation>7 天内</translation>
    </message>
    <message>
        <source>within 30 days</source>
        <translation>30 天内</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>Customer group: criteria</source>
        <translation>客户分组：筛选条件</translation>
    </message>
    <message>
        <source>e.g. First service due</source>
        <translation>例如：首保到期</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>分组名称</translation>
    </message>
    <message>
        <source>Cars in the group today</source>
        <translation>今日分组内车辆</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>No campaign yet: pick a saved group and launch one on the right.</source>
        <translation>尚无活动：请选择已保存的分组，在右侧发起活动。</translation>
    </message>
    <message>
        <source>Language of the printed letters</source>
        <translation>打印信函所用语言</translation>
    </message>
    <message>
        <source>Print letters …</source>
        <translation>打印信函 …</translation>
    </message>
    <message>
        <source>Letters in</source>
        <translation>信函语言</translation>
    </message>
    <message>
        <source>Saved groups</source>
        <translation>已保存的分组</translation>
    </message>
    <message>
        <source>No saved group yet: choose criteria on the left, name the group, save it.</source>
        <translation>尚无已保存的分组：请在左侧选择筛选条件，为分组命名并保存。</translation>
    </message>
    <message>
        <source>&amp;Save group</source>
        <translation>保存分组(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;End campaign …</source>
        <translation>结束活动 …(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Retire group …</source>
        <translation>停用分组 …(&amp;R)</translation>
    </message>
    <message>
        <source>Print reminder letters …</source>
        <translation>打印保养提醒函 …</translation>
    </message>
    <message>
        <source>Launch a campaign on the picked group</source>
        <translation>对所选分组发起活动</translation>
    </message>
    <message>
        <source>Choose criteria on the left: the cars meeting all of them appear here.</source>
        <translation>请在左侧选择筛选条件：符合全部条件的车辆将显示在这里。</translation>
    </message>
    <message>
        <source>No car meets these criteria today.</source>
        <translation>今日没有符合这些条件的车辆。</translation>
    </message>
    <message>
        <source>Group {name} saved.</source>
        <translation>分组 {name} 已保存。</translation>
    </message>
    <message>
        <source>Retire group</source>
        <translation>停用分组</translation>
    </message>
    <message>
        <source>Retire the group {name}? Its campaigns keep their cars.</source>
        <translation>确定停用分组 {name} 吗？其活动仍保留原有车辆。</translation>
    </message>
    <message>
        <source>Campaign {name} launched on {n} cars.</source>
        <translation>活动 {name} 已发起，涉及 {n} 台车。</translation>
    </message>
    <message>
        <source>End campaign</source>
        <translation>结束活动</translation>
    </message>
    <message>
        <source>End the campaign {name} now? Its cars leave the call list.</source>
        <translation>确定现在结束活动 {name} 吗？其车辆将移出致电清单。</translation>
    </message>
    <message>
        <source>{n} letters printed and logged as contacts.</source>
        <translation>已打印 {n} 封信函，并登记为联系记录。</translation>
    </message>
</context>
<context>
    <name>Care</name>
    <message>
        <source>Customer reached</source>
        <translation>已联系上客户</translation>
    </message>
    <message>
        <source>Not reached — try again</source>
        <translation>未联系上——稍后再打</translation>
    </message>
    <message>
        <source>Customer did not want to talk</source>
        <translation>客户不愿回访</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Answered — waiting for the customer</source>
        <translation>已答复——待客户确认</translation>
    </message>
    <message>
        <source>Escalated to the supervisor</source>
        <translation>已升级至主管</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>回访发现</translation>
    </message>
    <message>
        <source>5 — very satisfied</source>
        <translation>5 — 非常满意</translation>
    </message>
    <message>
        <source>4 — satisfied</source>
        <translation>4 — 满意</translation>
    </message>
    <message>
        <source>3 — neither</source>
        <translation>3 — 一般</translation>
    </message>
    <message>
        <source>2 — unhappy</source>
        <translation>2 — 不满意</translation>
    </message>
    <message>
        <source>1 — very unhappy</source>
        <translation>1 — 非常不满意</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>Overdue by {time}</source>
        <translation>已逾期 {time}</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>剩余 {time}</translation>
    </message>
</context>
<context>
    <name>CareDesk</name>
    <message>
        <source>Follow-ups due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>No follow-up due: cars appear here two days after they left.</source>
        <translation>暂无待回访：车辆出厂两天后出现在这里。</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>&amp;New complaint …</source>
        <translation>新建投诉 …(&amp;N)</translation>
    </message>
    <message>
        <source>Log an &amp;enquiry</source>
        <translation>登记咨询(&amp;E)</translation>
    </message>
    <message>
        <source>No open complaint — a customer unhappy? New complaint … (Alt+N).</source>
        <translation>没有未结投诉 — 客户不满意？新建投诉 …（Alt+N）。</translation>
    </message>
    <message>
        <source>Pick a follow-up or a complaint on the left — or log a new complaint or an enquiry (buttons above).</source>
        <translation>在左侧选择回访或投诉——或用上方按钮登记新投诉或咨询。</translation>
    </message>
    <message>
        <source>Follow-up saved. The customer is unhappy: logged as complaint no. {id}.</source>
        <translation>回访已保存。客户不满意：已登记为第 {id} 号投诉。</translation>
    </message>
    <message>
        <source>Follow-up saved.</source>
        <translation>回访已保存。</translation>
    </message>
    <message>
        <source>Enquiry saved.</source>
        <translation>咨询已保存。</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>No data for this period</source>
        <translation>本期无数据</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上期</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>CheckIn</name>
    <message>
        <source>Scratch</source>
        <translation>划痕</translation>
    </message>
    <message>
        <source>Dent</source>
        <translation>凹陷</translation>
    </message>
    <message>
        <source>Crack</source>
        <translation>裂纹</translation>
    </message>
    <message>
        <source>Paint chip</source>
        <translation>掉漆</translation>
    </message>
    <message>
        <source>Missing part</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Left side</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>俯视</translation>
    </message>
    <message>
        <source>Right side</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>L</source>
        <translation>左</translation>
    </message>
    <message>
        <source>R</source>
        <translation>右</translation>
    </message>
    <message>
        <source>Gauge (E … F)</source>
        <translation>油表（E … F）</translation>
    </message>
    <message>
        <source>Percent (%)</source>
        <translation>百分比（%）</translation>
    </message>
    <message>
        <source>Second-level maintenance</source>
        <translation>二级维护</translation>
    </message>
    <message>
        <source>Annual inspection</source>
        <translation>年检</translation>
    </message>
</context>
<context>
    <name>CheckInForm</name>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Print check-in sheet</source>
        <translation>打印交车检查单(&amp;P)</translation>
    </message>
    <message>
        <source>Print &amp;belongings list</source>
        <translation>打印随车物品清单(&amp;B)</translation>
    </message>
    <message>
        <source>P&amp;review …</source>
        <translation>预览…(&amp;R)</translation>
    </message>
    <message>
        <source>Co&amp;mplete check-in</source>
        <translation>完成交车手续(&amp;M)</translation>
    </message>
    <message>
        <source>Checked in at {time} by {name}.</source>
        <translation>已于 {time} 由 {name} 办理交车。</translation>
    </message>
    <message>
        <source>Details can still be finished until the workshop takes it.</source>
        <translation>在车间接车前仍可补充细节。</translation>
    </message>
    <message>
        <source>Shown for reference: this order is past check-in.</source>
        <translation>仅供查看：此单已过交车环节。</translation>
    </message>
</context>
<context>
    <name>ChecklistSection</name>
    <message>
        <source>Walk-around checklist</source>
        <translation>环车检查表</translation>
    </message>
    <message>
        <source>All remaining OK</source>
        <translation>其余全部正常</translation>
    </message>
    <message>
        <source>Every item not answered yet becomes OK</source>
        <translation>所有未勾选项目设为正常</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>What is wrong (an anomaly needs a note)</source>
        <translation>异常情况（异常须填写说明）</translation>
    </message>
</context>
<context>
    <name>Checkout</name>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>Waiting for a supervisor</source>
        <translation>待主管审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>估价</translation>
    </message>
    <message>
        <source>Additional (approved)</source>
        <translation>追加（已同意）</translation>
    </message>
    <message>
        <source>Not settled: take the payment (or arrears approved)</source>
        <translation>未结算：请收款（或经批准欠收）</translation>
    </message>
    <message>
        <source>Key not handed back to the customer</source>
        <translation>钥匙未交还客户</translation>
    </message>
    <message>
        <source>Belongings not ticked back and signed</source>
        <translation>随车物品未清点交还并签字</translation>
    </message>
    <message>
        <source>Documents not returned</source>
        <translation>随车证件未交还</translation>
    </message>
    <message>
        <source>Odometer out not read</source>
        <translation>未记录出厂里程</translation>
    </message>
    <message>
        <source>Fuel out not read</source>
        <translation>未记录出厂油量</translation>
    </message>
    <message>
        <source>Odometer or fuel differs much from check-in: explanation missing</source>
        <translation>里程或油量与进厂时相差较大：缺少说明</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>已结算</translation>
    </message>
    <message>
        <source>Key handed back</source>
        <translation>钥匙已交还</translation>
    </message>
    <message>
        <source>Belongings ticked back and signed</source>
        <translation>随车物品已清点交还并签字</translation>
    </message>
    <message>
        <source>Documents returned</source>
        <translation>随车证件已交还</translation>
    </message>
    <message>
        <source>Odometer out read</source>
        <translation>已记录出厂里程</translation>
    </message>
    <message>
        <source>Fuel out read</source>
        <translation>已记录出厂油量</translation>
    </message>
    <message>
        <source>Readings out agree with check-in (or explained)</source>
        <translation>出厂读数与进厂相符（或已说明）</translation>
    </message>
    <message>
        <source>Comeback of order {original} ({days} days after its release): original team {team}; the guarantee runs from {start}, it does not start again.</source>
        <translation>返修：原单 {original}（出厂后 {days} 天）；原班组 {team}；质量保证期自 {start} 起计算，不重新计算。</translation>
    </message>
</context>
<context>
    <name>CheckoutDesk</name>
    <message>
        <source>Cars at the checkout</source>
        <translation>待结算交车</translation>
    </message>
    <message>
        <source>No car at the checkout: a car appears here once the workshop marks it ready for pickup, or when a customer declined and owes the fee.</source>
        <translation>暂无待结算车辆：车间标记待取车后，或客户不修需付诊断/估价费时，车辆会出现在这里。</translation>
    </message>
    <message>
        <source>&amp;Print the papers again</source>
        <translation>重新打印交车单据(&amp;P)</translation>
    </message>
    <message>
        <source>Exit notice, statement, guarantee certificate and repair order</source>
        <translation>出厂通知单、结算单、质量保证书和进厂维修单</translation>
    </message>
    <message>
        <source>Order {number} is {state}: the checkout takes the car once it is ready for pickup, or a declined order&apos;s fee.</source>
        <translation>工单 {number} 当前为「{state}」：待取车后或客户不修收费时才在此结算交车。</translation>
    </message>
    <message>
        <source>Pick a car in the queue — or search its plate (F2) — to settle the bill and hand the car back.</source>
        <translation>在左侧列表中选择车辆（或按 F2 搜索车牌），进行结算和交车。</translation>
    </message>
    <message>
        <source>Order {number} · {plate} · {customer} — {state}</source>
        <translation>工单 {number} · {plate} · {customer} — {state}</translation>
    </message>
</context>
<context>
    <name>ClaimForm</name>
    <message>
        <source>The manufacturer&apos;s claim number, e.g. SP2026112801</source>
        <translation>厂家索赔单号，例如 SP2026112801</translation>
    </message>
    <message>
        <source>Claim no.</source>
        <translation>索赔单号</translation>
    </message>
    <message>
        <source>Amount in yuan</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>As the manufacturer&apos;s notice says</source>
        <translation>按厂家通知填写</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Claimed (¥)</source>
        <translation>索赔金额（¥）</translation>
    </message>
    <message>
        <source>File claim</source>
        <translation>提交索赔</translation>
    </message>
    <message>
        <source>Order &lt;b&gt;{number}&lt;/b&gt; · {plate} · {customer}&lt;br&gt;Warranty lines: {amount}</source>
        <translation>工单 &lt;b&gt;{number}&lt;/b&gt; · {plate} · {customer}&lt;br&gt;保修项目金额：{amount}</translation>
    </message>
    <message>
        <source>Claim &lt;b&gt;{claim}&lt;/b&gt; · order {order} · {plate}&lt;br&gt;Claimed {claimed}{approved}</source>
        <translation>索赔 &lt;b&gt;{claim}&lt;/b&gt; · 工单 {order} · {plate}&lt;br&gt;索赔金额 {claimed}{approved}</translation>
    </message>
    <message>
        <source>, approved {amount}</source>
        <translation>，批准金额 {amount}</translation>
    </message>
    <message>
        <source>Approved (¥)</source>
        <translation>批准金额（¥）</translation>
    </message>
    <message>
        <source>Approved by the manufacturer</source>
        <translation>厂家已批准</translation>
    </message>
    <message>
        <source>Record approval</source>
        <translation>登记批准</translation>
    </message>
    <message>
        <source>Rejected by the manufacturer</source>
        <translation>厂家已驳回</translation>
    </message>
    <message>
        <source>The order can be claimed again afterwards, under a new claim number.</source>
        <translation>之后可使用新的索赔单号对该工单重新索赔。</translation>
    </message>
    <message>
        <source>Record rejection</source>
        <translation>登记驳回</translation>
    </message>
    <message>
        <source>Paid (¥)</source>
        <translation>付款金额（¥）</translation>
    </message>
    <message>
        <source>Paid by the manufacturer</source>
        <translation>厂家已付款</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>登记付款</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Left to pay</source>
        <translation>待付</translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation>未完成项</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开单时间</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>客户需求</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>估价方式</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>风险加价</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>收款人</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>车龄</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>进厂次数</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>消费金额</translation>
    </message>
    <message>
        <source>Service due</source>
        <translation>保养到期</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Cars</source>
        <translation>车辆数</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>信函数</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>已联系</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付费方</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持有人</translation>
    </message>
    <message>
        <source>Out since</source>
        <translation>借出时间</translation>
    </message>
    <message>
        <source>Out for</source>
        <translation>借出时长</translation>
    </message>
    <message>
        <source>Hook</source>
        <translation>挂钩</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>To whom</source>
        <translation>交给</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>late {time}</source>
        <translation>超时 {time}</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>回访截止</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Reply by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>进度检查</translation>
    </message>
    <message>
        <source>Check due</source>
        <translation>需查进度</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>台次</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上期</translation>
    </message>
    <message>
        <source>Repair category</source>
        <translation>维修类别</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Customer care</source>
        <translation>客户关怀</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次进厂</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <source>Why call</source>
        <translation>致电原因</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>About</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Car</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Found wrong</source>
        <translation>发现错误</translation>
    </message>
    <message>
        <source>Day / group</source>
        <translation>日期 / 分组</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>预约数</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>按约到店</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>失约</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>To come</source>
        <translation>尚未到期</translation>
    </message>
    <message>
        <source>Kept rate</source>
        <translation>履约率</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完工日期</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>保修金额</translation>
    </message>
    <message>
        <source>Rejected before</source>
        <translation>曾被驳回</translation>
    </message>
    <message>
        <source>Days open</source>
        <translation>未结天数</translation>
    </message>
    <message>
        <source>Claim no.</source>
        <translation>索赔单号</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>索赔金额</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>批准金额</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>购车日期</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>首保期限</translation>
    </message>
    <message>
        <source>About now</source>
        <translation>当前情况</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>ComplaintBanner</name>
    <message>
        <source>Open it</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Hide until another complaint is escalated</source>
        <translation>隐藏，直到有新的投诉升级</translation>
    </message>
    <message>
        <source>the supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Complaint no. {id} of {customer}: {late}, escalated to {who}.</source>
        <translation>{customer} 的第 {id} 号投诉：{late}，已升级至 {who}。</translation>
    </message>
    <message>
        <source>{n} complaints past their reply-by time in all.</source>
        <translation>共有 {n} 件投诉已超过答复期限。</translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>The complaint, in full</source>
        <translation>投诉内容（完整记录）</translation>
    </message>
    <message>
        <source>Answered now (leave empty if not)</source>
        <translation>当场答复（未答复请留空）</translation>
    </message>
    <message>
        <source>Otherwise the customer hears back by</source>
        <translation>否则答复客户的期限</translation>
    </message>
    <message>
        <source>Answer given</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <source>How it was resolved</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Customer does not accept: to the supervisor</source>
        <translation>客户不接受：转主管</translation>
    </message>
    <message>
        <source>New complaint: {customer} · {phone}</source>
        <translation>新投诉：{customer} · {phone}</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>About order</source>
        <translation>相关工单</translation>
    </message>
    <message>
        <source>New complaint: search the customer (plate, phone, name)</source>
        <translation>新建投诉：查找客户（车牌、电话、姓名）</translation>
    </message>
    <message>
        <source>No particular order</source>
        <translation>不涉及具体工单</translation>
    </message>
    <message>
        <source>Complaint no. {id}: {customer} · {phone}</source>
        <translation>第 {id} 号投诉：{customer} · {phone}</translation>
    </message>
    <message>
        <source>{channel}, received {at}; order {number}</source>
        <translation>{channel}，受理于 {at}；工单 {number}</translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation>状态：{state}</translation>
    </message>
    <message>
        <source>Reply by {at} ({countdown})</source>
        <translation>答复期限 {at}（{countdown}）</translation>
    </message>
    <message>
        <source>Escalated {at} to {name}</source>
        <translation>{at} 升级至 {name}</translation>
    </message>
    <message>
        <source>the supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Answered {at}: {answer}</source>
        <translation>{at} 已答复：{answer}</translation>
    </message>
    <message>
        <source>Resolved: {text}</source>
        <translation>已解决：{text}</translation>
    </message>
    <message>
        <source>Log complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Record answer</source>
        <translation>记录答复</translation>
    </message>
    <message>
        <source>Customer accepts: resolved</source>
        <translation>客户接受：已解决</translation>
    </message>
    <message>
        <source>Search the customer first: plate, phone or name.</source>
        <translation>请先查找客户：车牌、电话或姓名。</translation>
    </message>
    <message>
        <source>Answer an escalated complaint</source>
        <translation>答复已升级的投诉</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Log a contact</source>
        <translation>登记联系</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>About</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>About order {number}</source>
        <translation>关于工单 {number}</translation>
    </message>
    <message>
        <source>The complaint, in full</source>
        <translation>投诉内容（完整记录）</translation>
    </message>
    <message>
        <source>Answered now (leave empty if not)</source>
        <translation>当场答复（未答复则留空）</translation>
    </message>
    <message>
        <source>Otherwise the customer hears back by</source>
        <translation>否则最迟答复客户时间</translation>
    </message>
    <message>
        <source>Call back at</source>
        <translation>约定回电时间</translation>
    </message>
    <message>
        <source>What was said, in a few words</source>
        <translation>沟通内容（简要）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Log contact</source>
        <translation>登记联系</translation>
    </message>
    <message>
        <source>{day}: {left} of {capacity} places left</source>
        <translation>{day}：剩余 {left}/{capacity} 个名额</translation>
    </message>
</context>
<context>
    <name>Contacts</name>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>到店面谈</translation>
    </message>
    <message>
        <source>Service due</source>
        <translation>保养到期</translation>
    </message>
    <message>
        <source>Work declined earlier</source>
        <translation>此前拒绝的项目</translation>
    </message>
    <message>
        <source>Call back as asked</source>
        <translation>按约回电</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Reminder or invitation letter</source>
        <translation>提醒函或邀请函</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>约定回电</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>无意向</translation>
    </message>
    <message>
        <source>Sold the car</source>
        <translation>已卖车</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>&amp;Booked</source>
        <translation>已预约(&amp;B)</translation>
    </message>
    <message>
        <source>Call &amp;back</source>
        <translation>约定回电(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Not interested</source>
        <translation>无意向(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Sold the car</source>
        <translation>已卖车(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Wrong number</source>
        <translation>号码错误(&amp;W)</translation>
    </message>
    <message>
        <source>Co&amp;mplaint</source>
        <translation>投诉(&amp;M)</translation>
    </message>
    <message>
        <source>No &amp;answer</source>
        <translation>无人接听(&amp;A)</translation>
    </message>
    <message>
        <source>Sen&amp;t</source>
        <translation>已发送(&amp;T)</translation>
    </message>
    <message>
        <source>{when} {outcome} · {who}</source>
        <translation>{when} {outcome} · {who}</translation>
    </message>
    <message>
        <source>{n} unanswered</source>
        <translation>{n} 次无人接听</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <source>Key cabinet and labour rate</source>
        <translation>钥匙柜与工时单价</translation>
    </message>
    <message>
        <source>You can change both later in the Settings tab.</source>
        <translation>两项以后都可在“设置”页修改。</translation>
    </message>
    <message>
        <source>How many numbered hooks the key cabinet has (1–500)</source>
        <translation>钥匙柜有多少个编号挂钩（1–500）</translation>
    </message>
    <message>
        <source>The price of one hour of labour, in yuan</source>
        <translation>每小时工时的价格（元）</translation>
    </message>
    <message>
        <source>Key cabinet hooks</source>
        <translation>钥匙柜挂钩数</translation>
    </message>
    <message>
        <source>Labour rate (¥/h)</source>
        <translation>工时单价（¥/小时）</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>程序出错</translation>
    </message>
    <message>
        <source>Service Desk hit an unexpected error. What was already saved is safe. Please copy the details below and send them to your support contact.</source>
        <translation>服务前台遇到意外错误。已保存的数据是安全的。请复制下面的详细信息并发送给技术支持。</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>日志文件：{path}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>CriteriaEditor</name>
    <message>
        <source>Models (any ticked)</source>
        <translation>车型（符合任一勾选项）</translation>
    </message>
    <message>
        <source>Vehicle age (years)</source>
        <translation>车龄（年）</translation>
    </message>
    <message>
        <source>Visits, last 12 months</source>
        <translation>近 12 个月进厂次数</translation>
    </message>
    <message>
        <source>Spend, last 12 months (¥)</source>
        <translation>近 12 个月消费金额（¥）</translation>
    </message>
    <message>
        <source>more than … days ago</source>
        <translation>超过 … 天前</translation>
    </message>
    <message>
        <source>within the last … days</source>
        <translation>最近 … 天内</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近进厂</translation>
    </message>
    <message>
        <source>Service due</source>
        <translation>保养到期</translation>
    </message>
</context>
<context>
    <name>CustomerCare</name>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Follow-ups and complaints</source>
        <translation>回访与投诉</translation>
    </message>
    <message>
        <source>Call list</source>
        <translation>致电清单</translation>
    </message>
    <message>
        <source>Groups and campaigns</source>
        <translation>客户分组与活动</translation>
    </message>
    <message>
        <source>Warranty and first service</source>
        <translation>保修索赔与首保</translation>
    </message>
</context>
<context>
    <name>CustomerFields</name>
    <message>
        <source>Mobile 138… or landline 0553-…</source>
        <translation>手机 138… 或座机 0553-…</translation>
    </message>
    <message>
        <source>Services the customer wishes to receive</source>
        <translation>客户希望得到的服务</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Phone *</source>
        <translation>电话 *</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Company / unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Preferred contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Wishes</source>
        <translation>客户意愿</translation>
    </message>
</context>
<context>
    <name>DamageDiagram</name>
    <message>
        <source>Click where the damage is to place a mark.</source>
        <translation>点击损伤位置以标记。</translation>
    </message>
</context>
<context>
    <name>DamagePanel</name>
    <message>
        <source>Damage diagram</source>
        <translation>车损示意图</translation>
    </message>
    <message>
        <source>Strike out mark</source>
        <translation>划去标记</translation>
    </message>
    <message>
        <source>Click the car where the damage is, then choose scratch, dent, crack, paint chip or missing part.</source>
        <translation>在车辆图上点击损伤位置，然后选择划痕、凹陷、裂纹、掉漆或缺失。</translation>
    </message>
    <message>
        <source>(photo)</source>
        <translation>（有照片）</translation>
    </message>
    <message>
        <source>Damage mark</source>
        <translation>损伤标记</translation>
    </message>
    <message>
        <source>What is it?</source>
        <translation>是什么物品？</translation>
    </message>
    <message>
        <source>Where and how big (optional), e.g. 10 cm scratch</source>
        <translation>位置和大小（可选），如 10 厘米划痕</translation>
    </message>
    <message>
        <source>Photo of the damage (optional — Cancel for none)</source>
        <translation>损伤照片（可选 — 取消表示无照片）</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>图片（{patterns}）</translation>
    </message>
</context>
<context>
    <name>DealerPage</name>
    <message>
        <source>Your dealership</source>
        <translation>本店信息</translation>
    </message>
    <message>
        <source>Welcome to Service Desk. Five short steps set up this counter. The dealer&apos;s name, address, phone, logo and tax number are printed at the top of the forms; all of it can be changed later in the Settings tab.</source>
        <translation>欢迎使用售后服务前台。五个简单步骤即可完成本前台的设置。店名、地址、电话、标志和纳税人识别号将印在各类单据的抬头；以后都可在“设置”页修改。</translation>
    </message>
    <message>
        <source>e.g. 芜湖瑞丰奇瑞4S店</source>
        <translation>例如：芜湖瑞丰奇瑞4S店</translation>
    </message>
    <message>
        <source>e.g. 0553-5821234</source>
        <translation>例如：0553-5821234</translation>
    </message>
    <message>
        <source>Empty: no logo on the forms</source>
        <translation>留空：单据不印标志</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>18 characters, on the business licence; empty: not printed</source>
        <translation>18 位，见营业执照；留空则不打印</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>店名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Logo (PNG or JPG)</source>
        <translation>标志（PNG 或 JPG）</translation>
    </message>
    <message>
        <source>Tax number (unified social credit code)</source>
        <translation>纳税人识别号（统一社会信用代码）</translation>
    </message>
    <message>
        <source>Dealer logo</source>
        <translation>本店标志</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>DiscountPanel</name>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Amount in yuan, e.g. 50</source>
        <translation>金额（元），如 50</translation>
    </message>
    <message>
        <source>or a percentage, e.g. 10</source>
        <translation>或百分比，如 10</translation>
    </message>
    <message>
        <source>Why, e.g. long-standing customer, waiting time</source>
        <translation>原因，如老客户、等候时间长</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Ask for a &amp;discount</source>
        <translation>申请优惠(&amp;D)</translation>
    </message>
    <message>
        <source>Supervisor appro&amp;ves …</source>
        <translation>主管批准…(&amp;V)</translation>
    </message>
    <message>
        <source>Supervisor re&amp;fuses …</source>
        <translation>主管拒绝…(&amp;F)</translation>
    </message>
    <message>
        <source>Approve the discount</source>
        <translation>批准优惠</translation>
    </message>
    <message>
        <source>Refuse the discount</source>
        <translation>拒绝优惠</translation>
    </message>
</context>
<context>
    <name>DocumentsSection</name>
    <message>
        <source>Documents received</source>
        <translation>随车证件</translation>
    </message>
    <message>
        <source>The car comes for:</source>
        <translation>本次进厂用于：</translation>
    </message>
    <message>
        <source>Document (* required)</source>
        <translation>证件（* 为必需）</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>Discrepancy</source>
        <translation>不符</translation>
    </message>
    <message>
        <source>Customer signed</source>
        <translation>客户已签认</translation>
    </message>
    <message>
        <source>What is missing, expired or damaged</source>
        <translation>缺失、过期或损坏的情况</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
</context>
<context>
    <name>EnquiryForm</name>
    <message>
        <source>Enquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Workplace</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>咨询内容</translation>
    </message>
    <message>
        <source>Answer given</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <source>&amp;Save enquiry</source>
        <translation>保存咨询(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ExtraPanel</name>
    <message>
        <source>Additional work</source>
        <translation>追加项目</translation>
    </message>
    <message>
        <source>Who in the workshop reports it</source>
        <translation>车间报告人</translation>
    </message>
    <message>
        <source>What was found, what needs doing</source>
        <translation>发现的问题及需做的工作</translation>
    </message>
    <message>
        <source>e.g. 1.5</source>
        <translation>如 1.5</translation>
    </message>
    <message>
        <source>¥, e.g. 380</source>
        <translation>¥，如 380</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>报告人</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Labour hours</source>
        <translation>工时（小时）</translation>
    </message>
    <message>
        <source>Parts amount</source>
        <translation>配件金额</translation>
    </message>
    <message>
        <source>Delay it adds</source>
        <translation>增加工期</translation>
    </message>
    <message>
        <source>&amp;Report item</source>
        <translation>报告追加项目(&amp;R)</translation>
    </message>
    <message>
        <source>Customer co&amp;ntacted</source>
        <translation>已联系客户(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Declined</source>
        <translation>客户拒绝(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Approved</source>
        <translation>客户同意(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Print supplementary order</source>
        <translation>打印追加维修单(&amp;P)</translation>
    </message>
    <message>
        <source>Handed to s&amp;upervisor</source>
        <translation>已交车间主管(&amp;U)</translation>
    </message>
    <message>
        <source>Who answered on the customer&apos;s side</source>
        <translation>客户方答复人</translation>
    </message>
    <message>
        <source>Who in the workshop was told (if declined)</source>
        <translation>已告知的车间人员（拒绝时）</translation>
    </message>
    <message>
        <source>Contacted by</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>客户授权人</translation>
    </message>
    <message>
        <source>Workshop told</source>
        <translation>已告知车间</translation>
    </message>
    <message>
        <source>Told at</source>
        <translation>告知时间</translation>
    </message>
    <message>
        <source>To the supervisor at</source>
        <translation>交车间主管时间</translation>
    </message>
    <message>
        <source>{d} — {amount}, +{delay} min — {state}</source>
        <translation>{d} — {amount}，+{delay} 分钟 — {state}</translation>
    </message>
    <message>
        <source>to the supervisor {time}</source>
        <translation>{time} 交车间主管</translation>
    </message>
</context>
<context>
    <name>FigureCard</name>
    <message>
        <source>Previous period: {value}</source>
        <translation>上期：{value}</translation>
    </message>
</context>
<context>
    <name>FollowUpForm</name>
    <message>
        <source>Called by</source>
        <translation>回访方式</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>How does the car run?</source>
        <translation>车辆使用情况如何？</translation>
    </message>
    <message>
        <source>What do you think of our service?</source>
        <translation>对我们的服务有何意见？</translation>
    </message>
    <message>
        <source>Driving and maintenance advice given</source>
        <translation>已给出的驾驶与保养建议</translation>
    </message>
    <message>
        <source>Next maintenance date</source>
        <translation>下次保养日期</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>The customer complains (logged as a complaint)</source>
        <translation>客户有投诉（登记为投诉）</translation>
    </message>
    <message>
        <source>Customer hears back by</source>
        <translation>答复客户期限</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&amp;Save follow-up</source>
        <translation>保存回访(&amp;S)</translation>
    </message>
    <message>
        <source>Follow-up {number} · {plate} · {customer} · {phone}</source>
        <translation>回访 {number} · {plate} · {customer} · {phone}</translation>
    </message>
    <message>
        <source>Left {released}; due {due_from} to {due_to} ({status}); calls so far: {n}</source>
        <translation>{released} 出厂；回访期 {due_from} 至 {due_to}（{status}）；已回访 {n} 次</translation>
    </message>
</context>
<context>
    <name>HandoffForm</name>
    <message>
        <source>Hand the car to the workshop</source>
        <translation>车辆交车间</translation>
    </message>
    <message>
        <source>The team that does the work</source>
        <translation>负责维修的班组</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Washed first</source>
        <translation>先洗车</translation>
    </message>
    <message>
        <source>Who in the workshop takes the car</source>
        <translation>车间接车人</translation>
    </message>
    <message>
        <source>Work goes to</source>
        <translation>派工方式</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Planned time</source>
        <translation>计划工时</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>接车人</translation>
    </message>
    <message>
        <source>Handed over at</source>
        <translation>交接时间</translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation>交车间(&amp;H)</translation>
    </message>
    <message>
        <source>Order {number} — checked in, waiting for the workshop</source>
        <translation>工单 {number} — 已交车，等待交车间</translation>
    </message>
</context>
<context>
    <name>InspectionDesk</name>
    <message>
        <source>Waiting for check-in</source>
        <translation>等待交车</translation>
    </message>
    <message>
        <source>No car is waiting for check-in — an order comes here once the customer has signed it at reception (Ctrl+2).</source>
        <translation>没有等待交车的车辆 — 客户在接待处签字后，工单会出现在这里（Ctrl+2）。</translation>
    </message>
    <message>
        <source>Pick a signed order in the queue — or search its plate (F2) — to check the car in.</source>
        <translation>在队列中选择已签字的工单 — 或搜索车牌（F2）— 办理交车。</translation>
    </message>
    <message>
        <source>Order {number} is {state}: the car is checked in once the customer has signed the repair order.</source>
        <translation>工单 {number} 状态为“{state}”：客户签署维修单后才能办理交车。</translation>
    </message>
</context>
<context>
    <name>KeyCabinetDesk</name>
    <message>
        <source>Free hook</source>
        <translation>空挂钩</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <source>In workshop</source>
        <translation>在车间</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Car left: hand the key back</source>
        <translation>车辆已出厂：请归还钥匙</translation>
    </message>
    <message>
        <source>Cars here without a registered key</source>
        <translation>在店车辆未登记钥匙</translation>
    </message>
    <message>
        <source>Every car in the dealer&apos;s hands has its key registered.</source>
        <translation>所有在店车辆均已登记钥匙。</translation>
    </message>
    <message>
        <source>Current order</source>
        <translation>当前工单</translation>
    </message>
    <message>
        <source>{used} of {size} hooks in use · {out} keys out</source>
        <translation>已用 {used}/{size} 个挂钩 · 借出 {out} 把</translation>
    </message>
    <message>
        <source>End-of-day check ({n})</source>
        <translation>日终核对（{n}）</translation>
    </message>
    <message>
        <source>End-of-day check</source>
        <translation>日终核对</translation>
    </message>
</context>
<context>
    <name>KeyCheckPanel</name>
    <message>
        <source>Check again</source>
        <translation>重新核对</translation>
    </message>
    <message>
        <source>Preview report …</source>
        <translation>预览报表…</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>打印报表</translation>
    </message>
    <message>
        <source>On hook {hook}</source>
        <translation>挂于 {hook} 号</translation>
    </message>
    <message>
        <source>Out with {name}</source>
        <translation>由 {name} 借出</translation>
    </message>
    <message>
        <source>1. Car has left, key still here ({n})</source>
        <translation>一、车辆已出厂，钥匙仍在店内（{n}）</translation>
    </message>
    <message>
        <source>2. Out longer than {hours} h ({n})</source>
        <translation>二、借出超过 {hours} 小时（{n}）</translation>
    </message>
    <message>
        <source>3. Car checked in, no key registered ({n})</source>
        <translation>三、车辆已交车但未登记钥匙（{n}）</translation>
    </message>
    <message>
        <source>{n} exceptions to clear before closing ({time}).</source>
        <translation>下班前有 {n} 项异常需处理（{time}）。</translation>
    </message>
    <message>
        <source>All clear: every key is where the orders say ({time}).</source>
        <translation>全部正常：每把钥匙都与工单记录一致（{time}）。</translation>
    </message>
</context>
<context>
    <name>KeyOrderPanel</name>
    <message>
        <source>No order picked. Search a plate or order (F2), pick a car from the list on the left, or click an occupied hook.</source>
        <translation>未选择工单。搜索车牌或单号（F2），在左侧列表中选车，或点击已占用的挂钩。</translation>
    </message>
    <message>
        <source>Keys of this car</source>
        <translation>本车钥匙</translation>
    </message>
    <message>
        <source>No key registered yet — hang it on a free hook and register it below.</source>
        <translation>尚未登记钥匙 — 请挂到空挂钩并在下方登记。</translation>
    </message>
    <message>
        <source>Print key tag (Ctrl+P)</source>
        <translation>打印钥匙牌（Ctrl+P）</translation>
    </message>
    <message>
        <source>Preview key tag …</source>
        <translation>预览钥匙牌…</translation>
    </message>
    <message>
        <source>History of the keys</source>
        <translation>钥匙记录</translation>
    </message>
    <message>
        <source>Register a key</source>
        <translation>登记钥匙</translation>
    </message>
    <message>
        <source>e.g. black remote, with garage card</source>
        <translation>如 黑色遥控器，带车库门卡</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Hook</source>
        <translation>挂钩</translation>
    </message>
    <message>
        <source>Move the selected key</source>
        <translation>移动所选钥匙</translation>
    </message>
    <message>
        <source>Why (optional): replace brake pads, road test …</source>
        <translation>原因（可选）：更换刹车片、路试…</translation>
    </message>
    <message>
        <source>&amp;Register on hook</source>
        <translation>挂钩登记(&amp;R)</translation>
    </message>
    <message>
        <source>Record &amp;movement</source>
        <translation>记录钥匙去向(&amp;M)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>To whom</source>
        <translation>交给</translation>
    </message>
    <message>
        <source>Back on hook</source>
        <translation>挂回挂钩</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>{state}: hook {hook}</source>
        <translation>{state}：{hook} 号挂钩</translation>
    </message>
    <message>
        <source>{state}: with {name} since {time} ({duration})</source>
        <translation>{state}：{name} 自 {time} 起持有（{duration}）</translation>
    </message>
    <message>
        <source>{state}: to {name}</source>
        <translation>{state}：交给 {name}</translation>
    </message>
    <message>
        <source>Customer: {name}</source>
        <translation>客户：{name}</translation>
    </message>
    <message>
        <source>Technician or driver (required)</source>
        <translation>技师或司机（必填）</translation>
    </message>
    <message>
        <source>Select the key in the list first.</source>
        <translation>请先在列表中选择钥匙。</translation>
    </message>
    <message>
        <source>Return the key to the customer</source>
        <translation>将钥匙交还客户</translation>
    </message>
    <message>
        <source>Hand the {key} of {plate} back to {name}? It leaves the cabinet for good and cannot be taken out again.</source>
        <translation>将 {plate} 的{key}交还给 {name}？钥匙将永久离开钥匙柜，不能再借出。</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>Main key</source>
        <translation>主钥匙</translation>
    </message>
    <message>
        <source>Spare key</source>
        <translation>备用钥匙</translation>
    </message>
    <message>
        <source>Remote fob</source>
        <translation>遥控器</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主钥匙</translation>
    </message>
    <message>
        <source>Spare</source>
        <translation>备用</translation>
    </message>
    <message>
        <source>Fob</source>
        <translation>遥控器</translation>
    </message>
    <message>
        <source>Registered on a hook</source>
        <translation>已登记到挂钩</translation>
    </message>
    <message>
        <source>To workshop / technician</source>
        <translation>交车间 / 技师</translation>
    </message>
    <message>
        <source>Test drive</source>
        <translation>试车</translation>
    </message>
    <message>
        <source>Back to the cabinet</source>
        <translation>放回钥匙柜</translation>
    </message>
    <message>
        <source>Returned to customer</source>
        <translation>已交还客户</translation>
    </message>
    <message>
        <source>In cabinet</source>
        <translation>在柜</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>借出</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已归还</translation>
    </message>
    <message>
        <source>Out too long</source>
        <translation>借出超时</translation>
    </message>
    <message>
        <source>Car left</source>
        <translation>车辆已出厂</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>At reception</source>
        <translation>接待中</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>估价中</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>客户拒修</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已交车</translation>
    </message>
    <message>
        <source>Handed to workshop</source>
        <translation>已进车间</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完工</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>待取车</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>已结算</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>已出厂</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Service advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>业务主管</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>结算员</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>车间</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>System pricing</source>
        <translation>系统估价</translation>
    </message>
    <message>
        <source>Symptom pricing</source>
        <translation>现象估价</translation>
    </message>
    <message>
        <source>Item pricing</source>
        <translation>项目定价</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>索赔</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Dealer</source>
        <translation>本店供件</translation>
    </message>
    <message>
        <source>Customer-supplied</source>
        <translation>客户自带</translation>
    </message>
    <message>
        <source>Genuine</source>
        <translation>正厂件</translation>
    </message>
    <message>
        <source>Aftermarket</source>
        <translation>副厂件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
</context>
<context>
    <name>LineEntry</name>
    <message>
        <source>Work item or part</source>
        <translation>维修项目或配件</translation>
    </message>
    <message>
        <source>¥ unit price</source>
        <translation>¥ 单价</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>估价方式</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Margin %</source>
        <translation>加价 %</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Genuine?</source>
        <translation>正/副厂</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付费方</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Service Desk</source>
        <translation>服务前台</translation>
    </message>
    <message>
        <source>New walk-in (F3)</source>
        <translation>散客接待 (F3)</translation>
    </message>
    <message>
        <source>Who is working at the counter</source>
        <translation>当前在前台工作的人员</translation>
    </message>
    <message>
        <source>&amp;Working:</source>
        <translation>当班：(&amp;W)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日看板</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>接待</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>环车检查</translation>
    </message>
    <message>
        <source>Key cabinet</source>
        <translation>钥匙柜</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>车间交接</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>结算交车</translation>
    </message>
    <message>
        <source>Customer care</source>
        <translation>客户关怀</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Counter</source>
        <translation>前台(&amp;C)</translation>
    </message>
    <message>
        <source>Staff …</source>
        <translation>员工…</translation>
    </message>
    <message>
        <source>Backups …</source>
        <translation>备份 …</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The language changes the next time Service Desk starts.</source>
        <translation>语言将在下次启动服务前台时切换。</translation>
    </message>
    <message>
        <source>Who is working?</source>
        <translation>谁在当班？</translation>
    </message>
    <message>
        <source>Working: {name}</source>
        <translation>当班：{name}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Choose who is working at the counter first (top right).</source>
        <translation>请先在右上角选择当班人员。</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>请选择岗位。</translation>
    </message>
    <message>
        <source>Someone with this name is already on the staff list.</source>
        <translation>员工名单中已有同名人员。</translation>
    </message>
    <message>
        <source>The PIN is 4 to 8 digits.</source>
        <translation>PIN 为 4 到 8 位数字。</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN 错误。</translation>
    </message>
    <message>
        <source>Only a supervisor can approve this.</source>
        <translation>只有业务主管可以批准。</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <source>That is already the current owner.</source>
        <translation>已经是当前车主。</translation>
    </message>
    <message>
        <source>This order is {state}: its lines can no longer be changed here.</source>
        <translation>此单状态为“{state}”，不能在此修改项目。</translation>
    </message>
    <message>
        <source>This line was already removed.</source>
        <translation>该项目已被划去。</translation>
    </message>
    <message>
        <source>Choose the vehicle system.</source>
        <translation>请选择车辆系统。</translation>
    </message>
    <message>
        <source>The fee cannot be negative.</source>
        <translation>费用不能为负数。</translation>
    </message>
    <message>
        <source>Only the case owner or a supervisor can hand it on.</source>
        <translation>只有首问责任人或业务主管可以转交。</translation>
    </message>
    <message>
        <source>Hand the case on to an advisor or a supervisor.</source>
        <translation>只能转交给服务顾问或业务主管。</translation>
    </message>
    <message>
        <source>An order that is {from_state} cannot become {to_state}.</source>
        <translation>“{from_state}”的工单不能变为“{to_state}”。</translation>
    </message>
    <message>
        <source>Use the desk that does this step.</source>
        <translation>请在负责此步骤的工作台操作。</translation>
    </message>
    <message>
        <source>Unknown order state.</source>
        <translation>未知的工单状态。</translation>
    </message>
    <message>
        <source>Only a supervisor can void an order.</source>
        <translation>只有业务主管可以作废工单。</translation>
    </message>
    <message>
        <source>Give the reason for voiding the order.</source>
        <translation>请填写作废原因。</translation>
    </message>
    <message>
        <source>Record the customer&apos;s consent before a diagnosis.</source>
        <translation>诊断前须记录客户同意。</translation>
    </message>
    <message>
        <source>Write down the customer&apos;s request before signing.</source>
        <translation>签字前请记录客户需求。</translation>
    </message>
    <message>
        <source>Add at least one work item before signing.</source>
        <translation>签字前至少添加一个维修项目。</translation>
    </message>
    <message>
        <source>Set the promised delivery time before signing.</source>
        <translation>签字前请设定承诺交车时间。</translation>
    </message>
    <message>
        <source>Unknown setting: {key}.</source>
        <translation>未知的设置项：{key}。</translation>
    </message>
    <message>
        <source>Quantity: a number such as 1 or 4.2.</source>
        <translation>数量：填写数字，如 1 或 4.2。</translation>
    </message>
    <message>
        <source>Quantity must be more than 0.</source>
        <translation>数量必须大于 0。</translation>
    </message>
    <message>
        <source>Quantity: at most 3 decimals.</source>
        <translation>数量最多 3 位小数。</translation>
    </message>
    <message>
        <source>Quantity is too large.</source>
        <translation>数量过大。</translation>
    </message>
    <message>
        <source>Price: an amount in yuan such as 120 or 38.50.</source>
        <translation>价格：以元为单位，如 120 或 38.50。</translation>
    </message>
    <message>
        <source>The price cannot be negative.</source>
        <translation>价格不能为负数。</translation>
    </message>
    <message>
        <source>At most ¥10,000,000 a unit: check the price.</source>
        <translation>单价最多 ¥10,000,000：请核对价格。</translation>
    </message>
    <message>
        <source>Risk margin: 0 to 100 %.</source>
        <translation>风险加价：0 到 100%。</translation>
    </message>
    <message>
        <source>Only symptom pricing carries a risk margin.</source>
        <translation>只有现象估价才有风险加价。</translation>
    </message>
    <message>
        <source>Describe the work item.</source>
        <translation>请填写维修项目。</translation>
    </message>
    <message>
        <source>The description is too long (200 characters at most).</source>
        <translation>项目描述过长（最多 200 字）。</translation>
    </message>
    <message>
        <source>Say who supplies the part.</source>
        <translation>请选择配件来源。</translation>
    </message>
    <message>
        <source>Say whether the part is genuine or aftermarket.</source>
        <translation>请选择正厂件或副厂件。</translation>
    </message>
    <message>
        <source>Only parts have a source.</source>
        <translation>只有配件才有来源。</translation>
    </message>
    <message>
        <source>System pricing needs the vehicle system.</source>
        <translation>系统估价需要选择车辆系统。</translation>
    </message>
    <message>
        <source>Choose labour, part or fee.</source>
        <translation>请选择工时、配件或费用。</translation>
    </message>
    <message>
        <source>Choose the pricing mode.</source>
        <translation>请选择估价方式。</translation>
    </message>
    <message>
        <source>Choose who pays.</source>
        <translation>请选择付费方。</translation>
    </message>
    <message>
        <source>This plate is already in the archive: search for it instead.</source>
        <translation>该车牌已在档案中，请直接搜索。</translation>
    </message>
    <message>
        <source>This VIN is already in the archive: search for it instead.</source>
        <translation>该 VIN 已在档案中，请直接搜索。</translation>
    </message>
    <message>
        <source>Choose the model.</source>
        <translation>请选择车型。</translation>
    </message>
    <message>
        <source>Choose the category.</source>
        <translation>请选择类别。</translation>
    </message>
    <message>
        <source>Maintenance cycle: 1,000 to 100,000 km.</source>
        <translation>保养周期：1,000 至 100,000 公里。</translation>
    </message>
    <message>
        <source>Maintenance cycle: 1 to 60 months.</source>
        <translation>保养周期：1 至 60 个月。</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>该日期晚于今天。</translation>
    </message>
    <message>
        <source>The promised time must be later than now.</source>
        <translation>承诺交车时间必须晚于现在。</translation>
    </message>
    <message>
        <source>Choose how the customer prefers to be contacted.</source>
        <translation>请选择客户偏好的联系方式。</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <source>This value has the wrong type.</source>
        <translation>此值的类型不正确。</translation>
    </message>
    <message>
        <source>Two capital letters A–Z, e.g. WX.</source>
        <translation>两个大写字母 A–Z，例如 WX。</translation>
    </message>
    <message>
        <source>This time has passed: choose a time from now on.</source>
        <translation>该时间已过：请选择现在以后的时间。</translation>
    </message>
    <message>
        <source>The appointment must end after it starts.</source>
        <translation>预约结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>This day is full ({capacity} cars booked): choose another day.</source>
        <translation>当天已约满（{capacity} 台）：请选择其他日期。</translation>
    </message>
    <message>
        <source>This car is already booked on {day}.</source>
        <translation>该车 {day} 已有预约。</translation>
    </message>
    <message>
        <source>Say whether the customer asked or the dealer proposed.</source>
        <translation>请选择客户预约还是本店邀约。</translation>
    </message>
    <message>
        <source>Choose a standard job from the list.</source>
        <translation>请从列表中选择标准作业。</translation>
    </message>
    <message>
        <source>This appointment is {appointment_state}: it cannot change any more.</source>
        <translation>该预约为「{appointment_state}」：不能再更改。</translation>
    </message>
    <message>
        <source>The customer was already reminded.</source>
        <translation>已提醒过客户。</translation>
    </message>
    <message>
        <source>The appointment runs until {end}: it is missed only after that.</source>
        <translation>预约到 {end} 结束：之后才能记为未到店。</translation>
    </message>
    <message>
        <source>Say why the appointment is cancelled.</source>
        <translation>请填写取消原因。</translation>
    </message>
    <message>
        <source>The reason has at most {max} characters.</source>
        <translation>原因最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>Search the customer&apos;s car first (plate, phone, name).</source>
        <translation>请先搜索客户车辆（车牌、电话、姓名）。</translation>
    </message>
    <message>
        <source>Parts to order: the deposit is at least half their price, {least_fen}.</source>
        <translation>需订配件：定金不少于配件价的一半，即 {least_fen}。</translation>
    </message>
    <message>
        <source>An amount in yuan such as 120 or 38.50.</source>
        <translation>以元为单位的金额，例如 120 或 38.50。</translation>
    </message>
    <message>
        <source>At most {open_fen} of the deposit is still to pay.</source>
        <translation>定金最多还需收取 {open_fen}。</translation>
    </message>
    <message>
        <source>The deposit asked is paid in full.</source>
        <translation>定金已全部收齐。</translation>
    </message>
    <message>
        <source>Between 1 and 200 cars a day.</source>
        <translation>每天 1 至 200 台。</translation>
    </message>
    <message>
        <source>Between 10 and 240 minutes.</source>
        <translation>10 至 240 分钟。</translation>
    </message>
    <message>
        <source>An amount from 0 to 100,000 yuan.</source>
        <translation>金额为 0 至 100,000 元。</translation>
    </message>
    <message>
        <source>A percentage such as 15 or 12.5 (at most 2 decimals).</source>
        <translation>百分比，例如 15 或 12.5（最多两位小数）。</translation>
    </message>
    <message>
        <source>A percentage from 0 to 100.</source>
        <translation>百分比为 0 至 100。</translation>
    </message>
    <message>
        <source>0 to 1,440 minutes (one day).</source>
        <translation>0 至 1440 分钟（一天）。</translation>
    </message>
    <message>
        <source>Unknown time zone: use a name such as Asia/Shanghai.</source>
        <translation>未知时区：请使用 Asia/Shanghai 这样的名称。</translation>
    </message>
    <message>
        <source>There is no file at this path: choose it again.</source>
        <translation>此路径下没有文件，请重新选择。</translation>
    </message>
    <message>
        <source>There is no folder at this path (stick not in? share not reachable?).</source>
        <translation>此路径下没有文件夹（U盘未插入？网络共享无法访问？）。</translation>
    </message>
    <message>
        <source>The logo must be a PNG or JPG picture.</source>
        <translation>店标须为 PNG 或 JPG 图片。</translation>
    </message>
    <message>
        <source>The font must be a .ttf, .ttc or .otf file (a face number may follow, e.g. #1).</source>
        <translation>字体须为 .ttf、.ttc 或 .otf 文件（后面可加字体序号，例如 #1）。</translation>
    </message>
    <message>
        <source>The key cabinet has 1 to 500 hooks.</source>
        <translation>钥匙柜挂钩数为 1 到 500 个。</translation>
    </message>
    <message>
        <source>Between 1 and 72 hours.</source>
        <translation>应在 1 到 72 小时之间。</translation>
    </message>
    <message>
        <source>Not saved: the disk is full. Free some space and try again; what you typed is still on the screen.</source>
        <translation>未保存：磁盘已满。请释放空间后重试；已输入的内容仍在屏幕上。</translation>
    </message>
    <message>
        <source>Not saved: the database is busy (another program is using it). Try again.</source>
        <translation>未保存：数据库正忙（另一个程序正在使用）。请重试。</translation>
    </message>
    <message>
        <source>Not saved: the data folder is read-only. Check the folder&apos;s permissions.</source>
        <translation>未保存：数据文件夹为只读。请检查文件夹权限。</translation>
    </message>
    <message>
        <source>The database file is damaged. Restore the latest backup; do not keep working.</source>
        <translation>数据库文件已损坏。请恢复最近的备份，不要继续操作。</translation>
    </message>
    <message>
        <source>The file at the data path is not a Service Desk database.</source>
        <translation>数据路径上的文件不是服务前台数据库。</translation>
    </message>
    <message>
        <source>Not saved: the data folder cannot be written (drive removed?). Try again.</source>
        <translation>未保存：无法写入数据文件夹（驱动器被移除？）。请重试。</translation>
    </message>
    <message>
        <source>The database cannot be opened. Check the data folder.</source>
        <translation>无法打开数据库。请检查数据文件夹。</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Service Desk. Install that version; this one will not change the file.</source>
        <translation>此数据库由更新版本的服务前台创建。请安装该版本；本版本不会修改此文件。</translation>
    </message>
    <message>
        <source>Not saved: the data broke a rule of the database.</source>
        <translation>未保存：数据不符合数据库规则。</translation>
    </message>
    <message>
        <source>The check-in is recorded from signing until the workshop takes the car; this order is {state}.</source>
        <translation>交车记录在签字后至车间接车前登记；此单状态为“{state}”。</translation>
    </message>
    <message>
        <source>Only a signed order can be checked in; this order is {state}.</source>
        <translation>只有已签字的工单才能办理交车；此单状态为“{state}”。</translation>
    </message>
    <message>
        <source>This mark was already struck out.</source>
        <translation>此标记已被划去。</translation>
    </message>
    <message>
        <source>The belongings were already handed back: the list can no longer change.</source>
        <translation>随车物品已归还：清单不能再修改。</translation>
    </message>
    <message>
        <source>No belongings list was recorded for this order.</source>
        <translation>此单未记录随车物品清单。</translation>
    </message>
    <message>
        <source>Belongings are handed back once the check-in is complete; this order is {state}.</source>
        <translation>交车手续完成后才能归还随车物品；此单状态为“{state}”。</translation>
    </message>
    <message>
        <source>This item is not on the checklist.</source>
        <translation>此项目不在检查表中。</translation>
    </message>
    <message>
        <source>This item was answered twice.</source>
        <translation>此项目填写了两次。</translation>
    </message>
    <message>
        <source>Choose OK or anomaly.</source>
        <translation>请选择正常或异常。</translation>
    </message>
    <message>
        <source>Say what is wrong (it prints on the repair order).</source>
        <translation>请说明异常（将打印在维修单上）。</translation>
    </message>
    <message>
        <source>Some items are not checked yet: mark each one OK or anomaly (“All remaining OK” does the rest).</source>
        <translation>还有项目未检查：请逐项标记正常或异常（“其余全部正常”可完成其余项目）。</translation>
    </message>
    <message>
        <source>Click on one of the views.</source>
        <translation>请点击其中一个视图。</translation>
    </message>
    <message>
        <source>Click inside the drawing of the car.</source>
        <translation>请点击车辆图内。</translation>
    </message>
    <message>
        <source>Choose the kind of damage (scratch, dent …).</source>
        <translation>请选择损伤类型（划痕、凹陷…）。</translation>
    </message>
    <message>
        <source>The photo must be a picture (JPG, PNG, HEIC …).</source>
        <translation>照片必须是图片文件（JPG、PNG、HEIC…）。</translation>
    </message>
    <message>
        <source>Read the fuel gauge (or the battery charge).</source>
        <translation>请读取油表（或电量）。</translation>
    </message>
    <message>
        <source>Say whether the gauge reads in eighths or percent.</source>
        <translation>请选择油表按八分之一格还是百分比读数。</translation>
    </message>
    <message>
        <source>Fuel: E to F in eighths, or 0 to 100 %.</source>
        <translation>油量：按八分之一格从 E 到 F，或 0 到 100%。</translation>
    </message>
    <message>
        <source>Read the odometer (km).</source>
        <translation>请读取里程表（公里）。</translation>
    </message>
    <message>
        <source>This document is not in the list of documents.</source>
        <translation>此证件不在证件列表中。</translation>
    </message>
    <message>
        <source>This document was recorded twice.</source>
        <translation>此证件记录了两次。</translation>
    </message>
    <message>
        <source>Write down the discrepancy (missing, expired, damaged …).</source>
        <translation>请写明不符情况（缺失、过期、损坏…）。</translation>
    </message>
    <message>
        <source>The customer signs the discrepancy: tick “Customer signed”.</source>
        <translation>不符之处需客户签认：请勾选“客户已签认”。</translation>
    </message>
    <message>
        <source>Record the documents that came with the car.</source>
        <translation>请记录随车证件。</translation>
    </message>
    <message>
        <source>Unknown purpose.</source>
        <translation>未知用途。</translation>
    </message>
    <message>
        <source>Quantity: 1 to 99.</source>
        <translation>数量：1 到 99。</translation>
    </message>
    <message>
        <source>This item is on the list twice: add up the quantity.</source>
        <translation>此物品在清单中出现两次：请合并数量。</translation>
    </message>
    <message>
        <source>This item is not in the catalogue.</source>
        <translation>此物品不在物品目录中。</translation>
    </message>
    <message>
        <source>Count the belongings into the list — or tick “Nothing left in the car”.</source>
        <translation>请清点随车物品 — 或勾选“车内无物品”。</translation>
    </message>
    <message>
        <source>Give the number of the storage box the belongings go into.</source>
        <translation>请填写存放随车物品的物品箱号。</translation>
    </message>
    <message>
        <source>Box number: up to 10 letters, digits or dashes, e.g. 12 or A-3.</source>
        <translation>物品箱号：最多 10 位字母、数字或短横线，如 12 或 A-3。</translation>
    </message>
    <message>
        <source>This box still holds another car&apos;s belongings: choose a free box.</source>
        <translation>此物品箱仍存放其他车辆的物品：请选择空箱。</translation>
    </message>
    <message>
        <source>Give the time the workshop took the car.</source>
        <translation>请填写车间接车时间。</translation>
    </message>
    <message>
        <source>This time is still to come.</source>
        <translation>此时间晚于现在。</translation>
    </message>
    <message>
        <source>This time is before the customer signed.</source>
        <translation>此时间早于客户签字时间。</translation>
    </message>
    <message>
        <source>This item is not on the belongings list.</source>
        <translation>此物品不在随车物品清单中。</translation>
    </message>
    <message>
        <source>More handed back than was counted in.</source>
        <translation>归还数量多于清点数量。</translation>
    </message>
    <message>
        <source>Something is missing: note what happened and what was agreed.</source>
        <translation>有物品缺失：请记录情况及与客户的约定。</translation>
    </message>
    <message>
        <source>Hook {hook} already holds a key of {plate}: choose a free hook.</source>
        <translation>{hook} 号挂钩已挂有 {plate} 的钥匙：请选择空挂钩。</translation>
    </message>
    <message>
        <source>This key is not in the cabinet (it is out): hang it back on a hook first.</source>
        <translation>此钥匙不在钥匙柜中（已借出）：请先挂回挂钩。</translation>
    </message>
    <message>
        <source>This key already hangs in the cabinet.</source>
        <translation>此钥匙已挂在钥匙柜中。</translation>
    </message>
    <message>
        <source>This key was handed back to the customer; it does not move any more.</source>
        <translation>此钥匙已交还客户，不能再移动。</translation>
    </message>
    <message>
        <source>The car has left (order {state}): its key does not go out again.</source>
        <translation>车辆已出厂（工单“{state}”）：钥匙不能再借出。</translation>
    </message>
    <message>
        <source>Keys are registered from signing until the car leaves; this order is {state}.</source>
        <translation>钥匙在签字后至出厂前登记；此单状态为“{state}”。</translation>
    </message>
    <message>
        <source>Choose what happens to the key.</source>
        <translation>请选择钥匙的去向。</translation>
    </message>
    <message>
        <source>No key is registered for this order.</source>
        <translation>此单未登记钥匙。</translation>
    </message>
    <message>
        <source>A key of this order is still at the dealer: hand it back first.</source>
        <translation>此单仍有钥匙在店内：请先归还。</translation>
    </message>
    <message>
        <source>Choose a hook.</source>
        <translation>请选择挂钩。</translation>
    </message>
    <message>
        <source>The cabinet has no hook with this number.</source>
        <translation>钥匙柜没有此编号的挂钩。</translation>
    </message>
    <message>
        <source>Choose main key, spare key or remote fob.</source>
        <translation>请选择主钥匙、备用钥匙或遥控器。</translation>
    </message>
    <message>
        <source>Say who takes the key (technician, driver).</source>
        <translation>请填写取钥匙的人（技师、司机）。</translation>
    </message>
    <message>
        <source>Only a checked-in car is handed to the workshop; this order is {state}.</source>
        <translation>只有已交车的车辆才能交车间；此单状态为“{state}”。</translation>
    </message>
    <message>
        <source>Progress is checked while the car is in the workshop; this order is {state}.</source>
        <translation>车辆在车间时才能检查进度；此单状态为“{state}”。</translation>
    </message>
    <message>
        <source>The progress check of this order is already recorded.</source>
        <translation>此单的进度检查已记录。</translation>
    </message>
    <message>
        <source>This order was never handed to the workshop.</source>
        <translation>此单从未交车间。</translation>
    </message>
    <message>
        <source>Only a car whose work is completed can be ready for pickup; this order is {state}.</source>
        <translation>只有已完工的车辆才能待取车；此单状态为“{state}”。</translation>
    </message>
    <message>
        <source>Contact the customer first, then record the answer.</source>
        <translation>请先联系客户，再记录答复。</translation>
    </message>
    <message>
        <source>The customer has already answered on this item.</source>
        <translation>客户已答复此项目。</translation>
    </message>
    <message>
        <source>This step does not fit the item as it stands.</source>
        <translation>此步骤不适用于该项目的当前状态。</translation>
    </message>
    <message>
        <source>Additional work is reported and answered while the car is in the workshop; this order is {state}.</source>
        <translation>车辆在车间时才能报告和答复追加项目；此单状态为“{state}”。</translation>
    </message>
    <message>
        <source>The hand-over to the supervisor is already recorded.</source>
        <translation>已记录交车间主管的时间。</translation>
    </message>
    <message>
        <source>Additional work still waits for the customer&apos;s answer ({count} item(s)): record the answer first.</source>
        <translation>仍有追加项目等待客户答复（{count} 项）：请先记录答复。</translation>
    </message>
    <message>
        <source>Choose a single team or the supervisor&apos;s queue.</source>
        <translation>请选择单一班组或交车间主管调度。</translation>
    </message>
    <message>
        <source>Planned time: 1 to 43,200 minutes.</source>
        <translation>计划时间：1 到 43,200 分钟。</translation>
    </message>
    <message>
        <source>This time is in the future.</source>
        <translation>此时间晚于现在。</translation>
    </message>
    <message>
        <source>Say what is being done about the problem.</source>
        <translation>请填写针对问题采取的措施。</translation>
    </message>
    <message>
        <source>Say how the customer was told of the new time.</source>
        <translation>请填写如何告知客户新的交车时间。</translation>
    </message>
    <message>
        <source>Choose how the customer was told.</source>
        <translation>请选择告知客户的方式。</translation>
    </message>
    <message>
        <source>Tick this once it is done.</source>
        <translation>完成后请勾选。</translation>
    </message>
    <message>
        <source>An amount in yuan such as 1280 or 38.50.</source>
        <translation>以元为单位的金额，如 1280 或 38.50。</translation>
    </message>
    <message>
        <source>Describe the additional work.</source>
        <translation>请描述追加项目。</translation>
    </message>
    <message>
        <source>Say who in the workshop reported it.</source>
        <translation>请填写车间报告人。</translation>
    </message>
    <message>
        <source>Give the labour hours or the parts amount.</source>
        <translation>请填写工时或配件金额。</translation>
    </message>
    <message>
        <source>Labour hours: a number such as 1 or 1.5.</source>
        <translation>工时：数字，如 1 或 1.5。</translation>
    </message>
    <message>
        <source>Delay: 0 to 43,200 minutes.</source>
        <translation>延误：0 到 43,200 分钟。</translation>
    </message>
    <message>
        <source>That car is not this customer&apos;s.</source>
        <translation>该车辆不属于此客户。</translation>
    </message>
    <message>
        <source>The appointment is for the car the call was about.</source>
        <translation>预约车辆须为本次联系所涉及的车辆。</translation>
    </message>
    <message>
        <source>This campaign is not known.</source>
        <translation>找不到该活动。</translation>
    </message>
    <message>
        <source>Choose how the customer was contacted.</source>
        <translation>请选择联系客户的方式。</translation>
    </message>
    <message>
        <source>Choose what the contact was about.</source>
        <translation>请选择联系事由。</translation>
    </message>
    <message>
        <source>Choose how it ended.</source>
        <translation>请选择联系结果。</translation>
    </message>
    <message>
        <source>Not possible this way: a letter is only sent, a message is sent or answered, a complaint is taken by phone or in person.</source>
        <translation>此组合不可行：信函只能是“已发送”；短信或微信只能是已发送或已答复；投诉只能通过电话或到店受理。</translation>
    </message>
    <message>
        <source>Contacts of a campaign are logged with the campaign.</source>
        <translation>活动相关的联系须在该活动下登记。</translation>
    </message>
    <message>
        <source>Say which car the customer sold.</source>
        <translation>请注明客户卖掉的是哪台车。</translation>
    </message>
    <message>
        <source>Give the appointment&apos;s time and the work.</source>
        <translation>请填写预约时间和维修项目。</translation>
    </message>
    <message>
        <source>When did the customer ask to be called back?</source>
        <translation>客户要求何时回电？</translation>
    </message>
    <message>
        <source>The call-back time needs its time zone.</source>
        <translation>回电时间须包含时区。</translation>
    </message>
    <message>
        <source>The call back must be later than now.</source>
        <translation>回电时间必须晚于当前时间。</translation>
    </message>
    <message>
        <source>Call back within {days} days; later than that, the service reminder will.</source>
        <translation>请在 {days} 天内回电；超过此期限的，将由保养提醒跟进。</translation>
    </message>
    <message>
        <source>Say who answered on the customer&apos;s side.</source>
        <translation>请填写客户方答复人。</translation>
    </message>
    <message>
        <source>Say who in the workshop was told.</source>
        <translation>请填写已告知的车间人员。</translation>
    </message>
    <message>
        <source>Give the time.</source>
        <translation>请填写时间。</translation>
    </message>
    <message>
        <source>This time is before the step it follows.</source>
        <translation>此时间早于前一步骤。</translation>
    </message>
    <message>
        <source>The name is too long (60 characters at most).</source>
        <translation>名称过长（最多 60 个字）。</translation>
    </message>
    <message>
        <source>Say why the customer should get a discount.</source>
        <translation>请填写优惠原因。</translation>
    </message>
    <message>
        <source>The reason is at most 500 characters.</source>
        <translation>原因最多 500 个字符。</translation>
    </message>
    <message>
        <source>Enter either an amount in yuan or a percentage.</source>
        <translation>请填写优惠金额或百分比（二选一）。</translation>
    </message>
    <message>
        <source>The discount must be more than ¥0.00.</source>
        <translation>优惠金额必须大于 ¥0.00。</translation>
    </message>
    <message>
        <source>The percentage must be above 0 and at most 100.</source>
        <translation>百分比须大于 0 且不超过 100。</translation>
    </message>
    <message>
        <source>The discount is more than what is left to pay.</source>
        <translation>优惠超过了待付金额。</translation>
    </message>
    <message>
        <source>A supervisor already decided on this discount.</source>
        <translation>主管已审批过此优惠。</translation>
    </message>
    <message>
        <source>Choose how the customer pays.</source>
        <translation>请选择付款方式。</translation>
    </message>
    <message>
        <source>Enter the amount paid, more than ¥0.00.</source>
        <translation>请填写收款金额，须大于 ¥0.00。</translation>
    </message>
    <message>
        <source>More than what is left to pay: check the amount.</source>
        <translation>超过待付金额：请核对金额。</translation>
    </message>
    <message>
        <source>The reference is at most 100 characters.</source>
        <translation>凭证号最多 100 个字符。</translation>
    </message>
    <message>
        <source>Say why the balance may stay unpaid and until when.</source>
        <translation>请说明欠收原因及还款期限。</translation>
    </message>
    <message>
        <source>The note is at most 500 characters.</source>
        <translation>说明最多 500 个字符。</translation>
    </message>
    <message>
        <source>Nothing is left to pay: there are no arrears.</source>
        <translation>已无待付金额，无需欠收。</translation>
    </message>
    <message>
        <source>The bill is made up once the car is ready; this order is {state}.</source>
        <translation>车辆待取车后才能结算；此工单当前为「{state}」。</translation>
    </message>
    <message>
        <source>Only a car ready for pickup is settled; this order is {state}.</source>
        <translation>只有待取车的工单才能结算；此工单当前为「{state}」。</translation>
    </message>
    <message>
        <source>More was paid than is due: check the payments.</source>
        <translation>实收超过应收：请核对收款记录。</translation>
    </message>
    <message>
        <source>The balance is still open: take the payment, or have a supervisor approve it as arrears.</source>
        <translation>尚有余额未付：请收款，或由主管批准欠收。</translation>
    </message>
    <message>
        <source>Only a declined order settles a diagnosis / estimate fee; this one is {state}.</source>
        <translation>只有客户不修的工单才收取诊断/估价费；此工单当前为「{state}」。</translation>
    </message>
    <message>
        <source>The car is handed back once it is ready for pickup; this order is {state}.</source>
        <translation>车辆待取车后才能交车；此工单当前为「{state}」。</translation>
    </message>
    <message>
        <source>The car cannot leave yet: {condition}.</source>
        <translation>车辆暂不能出厂：{condition}。</translation>
    </message>
    <message>
        <source>The documents were already handed back.</source>
        <translation>随车证件已交还。</translation>
    </message>
    <message>
        <source>Tick the belongings back before the customer signs.</source>
        <translation>请先清点交还随车物品，再由客户签字。</translation>
    </message>
    <message>
        <source>The customer already signed the belongings list.</source>
        <translation>客户已在随车物品清单上签字。</translation>
    </message>
    <message>
        <source>This car was already released.</source>
        <translation>此车已出厂。</translation>
    </message>
    <message>
        <source>Lower than the reading at check-in ({in} km): read it again.</source>
        <translation>低于进厂里程（{in} km）：请重新读取。</translation>
    </message>
    <message>
        <source>0 to 200,000 km.</source>
        <translation>0 至 200,000 公里。</translation>
    </message>
    <message>
        <source>1 to 3,650 days.</source>
        <translation>1 至 3,650 天。</translation>
    </message>
    <message>
        <source>0 to 1,000 km.</source>
        <translation>0 至 1,000 公里。</translation>
    </message>
    <message>
        <source>0 to 8 eighths of a tank (8: a full tank).</source>
        <translation>0 至 8 格（8 格为满箱）。</translation>
    </message>
    <message>
        <source>A review is a daily self-review or a monthly summary.</source>
        <translation>自评分为工作日自评和月度总结。</translation>
    </message>
    <message>
        <source>A daily self-review covers one day.</source>
        <translation>工作日自评只针对一天。</translation>
    </message>
    <message>
        <source>A monthly summary covers one whole calendar month.</source>
        <translation>月度总结须覆盖整个自然月。</translation>
    </message>
    <message>
        <source>This period has not begun yet: review it afterwards.</source>
        <translation>该期间尚未开始：请到时再填写。</translation>
    </message>
    <message>
        <source>Write at least one of the three parts before saving.</source>
        <translation>请至少填写三项中的一项再保存。</translation>
    </message>
    <message>
        <source>Only a car that has left is followed up; this order is {state}.</source>
        <translation>只有已出厂的车辆才回访；此工单当前为「{state}」。</translation>
    </message>
    <message>
        <source>The follow-up of this order is already done.</source>
        <translation>此工单已回访。</translation>
    </message>
    <message>
        <source>Not possible for a complaint that is {complaint_state}.</source>
        <translation>投诉处于「{complaint_state}」时不能这样操作。</translation>
    </message>
    <message>
        <source>That order belongs to another customer.</source>
        <translation>该工单属于其他客户。</translation>
    </message>
    <message>
        <source>Ask how satisfied the customer is (1 to 5).</source>
        <translation>请询问客户满意度（1 至 5）。</translation>
    </message>
    <message>
        <source>Satisfaction is 1 (very unhappy) to 5 (very satisfied).</source>
        <translation>满意度为 1（非常不满意）至 5（非常满意）。</translation>
    </message>
    <message>
        <source>Answer the customer now, or give them a time to hear back.</source>
        <translation>请当场答复客户，或告知答复期限。</translation>
    </message>
    <message>
        <source>The time to hear back must be later than now.</source>
        <translation>答复期限必须晚于现在。</translation>
    </message>
    <message>
        <source>Give the customer an answer within {days} days.</source>
        <translation>须在 {days} 天内答复客户。</translation>
    </message>
    <message>
        <source>The time to hear back needs its time zone.</source>
        <translation>答复期限需带时区。</translation>
    </message>
    <message>
        <source>The next maintenance date is after today.</source>
        <translation>下次保养日期须在今天之后。</translation>
    </message>
    <message>
        <source>A complaint is made in person or by phone.</source>
        <translation>投诉方式为当面或电话。</translation>
    </message>
    <message>
        <source>Choose how you called.</source>
        <translation>请选择回访方式。</translation>
    </message>
    <message>
        <source>Choose the outcome.</source>
        <translation>请选择回访结果。</translation>
    </message>
    <message>
        <source>The last day comes on or after the first.</source>
        <translation>结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>At most {days} days: the workbook has longer periods.</source>
        <translation>最多 {days} 天；更长的期间请查看 Excel 工作簿。</translation>
    </message>
    <message>
        <source>A group named {name} is in use: choose another name.</source>
        <translation>已有名为 {name} 的分组，请换一个名称。</translation>
    </message>
    <message>
        <source>The group {name} is retired: save it again to use it.</source>
        <translation>分组 {name} 已停用；如需使用，请重新保存。</translation>
    </message>
    <message>
        <source>A campaign named {name} is running: choose another name or end it.</source>
        <translation>名为 {name} 的活动正在进行，请换一个名称或先结束该活动。</translation>
    </message>
    <message>
        <source>No car is in the group {name} today: nobody to launch the campaign on.</source>
        <translation>分组 {name} 今日没有车辆，无法发起活动。</translation>
    </message>
    <message>
        <source>The campaign {name} has ended.</source>
        <translation>活动 {name} 已结束。</translation>
    </message>
    <message>
        <source>The campaign {name} is over: its last day has passed.</source>
        <translation>活动 {name} 已过期：结束日期已过。</translation>
    </message>
    <message>
        <source>The campaign {name} has no letter text: launch a campaign with the text to print its letters.</source>
        <translation>活动 {name} 没有信函正文；如需打印信函，请发起一个带信函正文的活动。</translation>
    </message>
    <message>
        <source>Nobody to write to: {already_sent} customers have this letter already, {left_out} cars are left out (sold, or the owner&apos;s number is wrong).</source>
        <translation>没有可寄送的对象：{already_sent} 位客户已收到此信函，{left_out} 台车已排除（已卖车或车主号码错误）。</translation>
    </message>
    <message>
        <source>From 0 to {max} years.</source>
        <translation>应为 0 至 {max} 年。</translation>
    </message>
    <message>
        <source>From 0 to {max} visits.</source>
        <translation>应为 0 至 {max} 次。</translation>
    </message>
    <message>
        <source>An amount in yuan from 0 to 10,000,000.</source>
        <translation>金额应为 0 至 10,000,000 元。</translation>
    </message>
    <message>
        <source>From 1 to {max} days.</source>
        <translation>应为 1 至 {max} 天。</translation>
    </message>
    <message>
        <source>The least is more than the most: swap them.</source>
        <translation>最小值大于最大值，请将两者对调。</translation>
    </message>
    <message>
        <source>“More than … days ago” must be fewer days than “within … days”.</source>
        <translation>“超过 … 天前”的天数必须少于“最近 … 天内”的天数。</translation>
    </message>
    <message>
        <source>Choose models from the list.</source>
        <translation>请从列表中选择车型。</translation>
    </message>
    <message>
        <source>Choose from the list.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <source>Choose at least one criterion on the left.</source>
        <translation>请在左侧至少选择一个筛选条件。</translation>
    </message>
    <message>
        <source>Pick a saved group in the list first.</source>
        <translation>请先在列表中选择一个已保存的分组。</translation>
    </message>
    <message>
        <source>Choose the kind of campaign.</source>
        <translation>请选择活动类型。</translation>
    </message>
    <message>
        <source>Choose the day.</source>
        <translation>请选择日期。</translation>
    </message>
    <message>
        <source>The last day is before the first day.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>A campaign runs at most {days} days.</source>
        <translation>活动最长 {days} 天。</translation>
    </message>
    <message>
        <source>The last day has passed: a campaign runs from today on.</source>
        <translation>结束日期已过：活动须从今天或以后开始进行。</translation>
    </message>
    <message>
        <source>An amount in yuan such as 540 or 38.50, above 0.</source>
        <translation>请输入大于 0 的金额（元），如 540 或 38.50。</translation>
    </message>
    <message>
        <source>An order is claimed once it is settled; this order is {state}.</source>
        <translation>工单结算后才能索赔；此工单当前为「{state}」。</translation>
    </message>
    <message>
        <source>This order has no line paid by warranty.</source>
        <translation>此工单没有保修付费的项目。</translation>
    </message>
    <message>
        <source>This order is already claimed under {claim_number}.</source>
        <translation>此工单已索赔，索赔单号为 {claim_number}。</translation>
    </message>
    <message>
        <source>A claim that is {claim_state} cannot become {to_claim_state}.</source>
        <translation>状态为「{claim_state}」的索赔不能改为「{to_claim_state}」。</translation>
    </message>
    <message>
        <source>Enter the manufacturer&apos;s claim number.</source>
        <translation>请输入厂家索赔单号。</translation>
    </message>
    <message>
        <source>The claim number: {min} to {max} letters and digits; &apos;-&apos;, &apos;/&apos; and &apos;_&apos; allowed.</source>
        <translation>索赔单号：{min} 至 {max} 位字母和数字，可含 &apos;-&apos;、&apos;/&apos; 和 &apos;_&apos;。</translation>
    </message>
    <message>
        <source>This claim number is used already (order {order_number}); a claim filed again has its own number.</source>
        <translation>此索赔单号已被使用（工单 {order_number}）；重新提交的索赔须使用新的单号。</translation>
    </message>
    <message>
        <source>At most the order&apos;s warranty lines, {lines_fen}, are claimed.</source>
        <translation>索赔金额不能超过工单的保修项目金额 {lines_fen}。</translation>
    </message>
    <message>
        <source>An amount in yuan above 0 (nothing approved: record the rejection instead).</source>
        <translation>请输入大于 0 的金额（元）；如未批准任何金额，请改为登记驳回。</translation>
    </message>
    <message>
        <source>At most the amount claimed, {claimed_fen}.</source>
        <translation>不能超过索赔金额 {claimed_fen}。</translation>
    </message>
    <message>
        <source>At most the amount approved, {approved_fen}.</source>
        <translation>不能超过批准金额 {approved_fen}。</translation>
    </message>
    <message>
        <source>Say why the manufacturer rejected the claim.</source>
        <translation>请注明厂家驳回索赔的原因。</translation>
    </message>
    <message>
        <source>The note has at most {max} characters.</source>
        <translation>备注最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>This database is already set up: change the dealer and prices in Settings and the staff under Counter → Staff.</source>
        <translation>此数据库已完成设置：店铺信息和价格请在“设置”中修改，员工请在“前台 → 员工”中修改。</translation>
    </message>
    <message>
        <source>This looks like an old tax registration number ({found} characters). Enter the 18-character unified social credit code from the business licence.</source>
        <translation>这像是旧的税务登记号（{found} 位）。请填写营业执照上的 18 位统一社会信用代码。</translation>
    </message>
    <message>
        <source>The unified social credit code has {expected} characters (found {found}).</source>
        <translation>统一社会信用代码应为 {expected} 位（现为 {found} 位）。</translation>
    </message>
    <message>
        <source>Only digits and capital letters, never I, O, S, V or Z (found: {chars}).</source>
        <translation>只能是数字和大写字母，不含 I、O、S、V、Z（发现：{chars}）。</translation>
    </message>
    <message>
        <source>Characters 3 to 8 are the six digits of the region code.</source>
        <translation>第 3 至 8 位应为 6 位行政区划代码。</translation>
    </message>
    <message>
        <source>The last character should be {expected}, found {found}: check the code against the business licence.</source>
        <translation>最后一位应为 {expected}，现为 {found}：请对照营业执照核对。</translation>
    </message>
    <message>
        <source>Someone with this name is already on the list.</source>
        <translation>名单中已有同名人员。</translation>
    </message>
    <message>
        <source>A supervisor approves with a PIN: enter 4 to 8 digits.</source>
        <translation>主管凭 PIN 审批：请输入 4 到 8 位数字。</translation>
    </message>
    <message>
        <source>Add at least one supervisor: settings, discounts and voids need their PIN.</source>
        <translation>请至少添加一名主管：修改设置、优惠和作废都需要主管 PIN。</translation>
    </message>
    <message>
        <source>Add at least one service advisor: they work at the counter.</source>
        <translation>请至少添加一名服务顾问：前台接待由服务顾问负责。</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <source>The customer&apos;s request, in their own words</source>
        <translation>客户需求（按客户原话记录）</translation>
    </message>
    <message>
        <source>Other requests (wash, keep old parts …)</source>
        <translation>其他要求（洗车、旧件带走…）</translation>
    </message>
    <message>
        <source>Customer&apos;s request *</source>
        <translation>客户需求 *</translation>
    </message>
    <message>
        <source>Other requests</source>
        <translation>其他要求</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Technician called in (if any)</source>
        <translation>参与诊断的技师（如有）</translation>
    </message>
    <message>
        <source>Fault found and recommended repair</source>
        <translation>故障情况及建议维修</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>诊断结果</translation>
    </message>
    <message>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <source>Reason if lower than last time</source>
        <translation>低于上次里程时填写原因</translation>
    </message>
    <message>
        <source>Odometer in</source>
        <translation>进厂里程</translation>
    </message>
    <message>
        <source>Repair category</source>
        <translation>维修类别</translation>
    </message>
    <message>
        <source>Suggest a delivery time from this order&apos;s labour, the work already promised ahead of it and the workshop&apos;s open hours, plus the margin in settings</source>
        <translation>根据本单工时、已承诺在前的车间工作量及车间营业时间，加上设置中的余量，建议交车时间</translation>
    </message>
    <message>
        <source>Promised delivery *</source>
        <translation>承诺交车 *</translation>
    </message>
    <message>
        <source>Work items and parts</source>
        <translation>维修项目与配件</translation>
    </message>
    <message>
        <source>Standard job …</source>
        <translation>标准作业…</translation>
    </message>
    <message>
        <source>Diagnosis / estimate fee charged when the customer declines</source>
        <translation>客户拒修时收取的诊断/估价费</translation>
    </message>
    <message>
        <source>Customer declines</source>
        <translation>客户拒修</translation>
    </message>
    <message>
        <source>Customer co&amp;nsents to a diagnosis</source>
        <translation>客户同意诊断(&amp;N)</translation>
    </message>
    <message>
        <source>S&amp;uggest</source>
        <translation>建议(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Fill in</source>
        <translation>填入(&amp;F)</translation>
    </message>
    <message>
        <source>S&amp;trike out line</source>
        <translation>划去该项(&amp;T)</translation>
    </message>
    <message>
        <source>No line yet: pick a standard job above and Fill in (Alt+F), or type a line below and Add it (Enter).</source>
        <translation>还没有项目：在上方选择标准作业并填入（Alt+F），或在下方输入一项后回车添加。</translation>
    </message>
    <message>
        <source>&amp;Void …</source>
        <translation>作废…(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Hand on …</source>
        <translation>转交…(&amp;H)</translation>
    </message>
    <message>
        <source>Customer &amp;declines</source>
        <translation>客户拒修(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Open repair order</source>
        <translation>开维修单(&amp;O)</translation>
    </message>
    <message>
        <source>Customer si&amp;gns</source>
        <translation>客户签字确认(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Print …</source>
        <translation>打印…(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;review …</source>
        <translation>预览…(&amp;R)</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>历史记录(&amp;Y)</translation>
    </message>
    <message>
        <source>Every change to this order, with who and when (Ctrl+H)</source>
        <translation>此工单的每一次更改，含操作人与时间（Ctrl+H）</translation>
    </message>
    <message>
        <source>Fee ¥</source>
        <translation>费用 ¥</translation>
    </message>
    <message>
        <source>Labour {labour} · Parts {parts} · Fees {fees} · &lt;b&gt;Total {total}&lt;/b&gt; (customer pays {customer})</source>
        <translation>工时 {labour} · 配件 {parts} · 费用 {fees} · &lt;b&gt;合计 {total}&lt;/b&gt;（客户自付 {customer}）</translation>
    </message>
    <message>
        <source>Consent recorded {time}</source>
        <translation>已记录客户同意 {time}</translation>
    </message>
    <message>
        <source>First contact: {name}</source>
        <translation>首问责任人：{name}</translation>
    </message>
    <message>
        <source>New repair order</source>
        <translation>新维修单</translation>
    </message>
    <message>
        <source>promised {time}: overdue</source>
        <translation>承诺 {time}：已超时</translation>
    </message>
    <message>
        <source>last odometer {km} km · next service {due}</source>
        <translation>上次里程 {km} 公里 · 下次保养 {due}</translation>
    </message>
    <message>
        <source>Customer-supplied parts: no quality guarantee (printed).</source>
        <translation>客户自带配件：不提供质量保证（将打印在单上）。</translation>
    </message>
    <message>
        <source>Aftermarket part on a critical system: no quality guarantee (printed).</source>
        <translation>关键系统使用副厂件：不提供质量保证（将打印在单上）。</translation>
    </message>
    <message>
        <source>Item pricing: the customer is told quality may not be guaranteed.</source>
        <translation>项目定价：已告知客户质量可能无法保证。</translation>
    </message>
    <message>
        <source>Symptom pricing carries a risk margin.</source>
        <translation>现象估价含风险加价。</translation>
    </message>
    <message>
        <source>Suggested: {time}</source>
        <translation>建议交车：{time}</translation>
    </message>
    <message>
        <source>Fee: an amount in yuan such as 50 or 80.00.</source>
        <translation>费用：以元为单位，如 50 或 80.00。</translation>
    </message>
    <message>
        <source>The order will be closed as declined, charging {fee} for the diagnosis / estimate. Continue?</source>
        <translation>此单将按客户拒修关闭，收取诊断/估价费 {fee}。继续吗？</translation>
    </message>
    <message>
        <source>Void order</source>
        <translation>作废工单</translation>
    </message>
    <message>
        <source>Reason for voiding</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>Hand on the case</source>
        <translation>转交案件</translation>
    </message>
    <message>
        <source>To</source>
        <translation>转交给</translation>
    </message>
    <message>
        <source>Printed {count}× · last: {form}, {name} {time}</source>
        <translation>已打印 {count} 次 · 最近：{form}，{name} {time}</translation>
    </message>
</context>
<context>
    <name>OrderHistory</name>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>接车检查</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Damage mark</source>
        <translation>外观损伤标记</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <source>Extra work</source>
        <translation>追加项目</translation>
    </message>
    <message>
        <source>Workshop handoff</source>
        <translation>车间交接</translation>
    </message>
    <message>
        <source>Progress check</source>
        <translation>进度跟踪</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>待交车</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>欠款</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>结算</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>交车出厂</translation>
    </message>
    <message>
        <source>Comeback</source>
        <translation>返修</translation>
    </message>
    <message>
        <source>Deposit credited</source>
        <translation>定金抵扣</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Warranty claim</source>
        <translation>保修索赔</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>OrderHistoryDialog</name>
    <message>
        <source>History of {number}</source>
        <translation>{number} 的历史记录</translation>
    </message>
    <message>
        <source>{n} changes, oldest first. The audit trail cannot be changed or deleted.</source>
        <translation>共 {n} 条更改，按时间先后排列。审计记录不可修改或删除。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改内容</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Amount in yuan</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（¥）</translation>
    </message>
    <message>
        <source>Voucher / transaction no. (card, transfer)</source>
        <translation>凭证号 / 交易号（刷卡、转账）</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>&amp;Take payment</source>
        <translation>收款(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Settle</source>
        <translation>结算(&amp;S)</translation>
    </message>
    <message>
        <source>Settle the f&amp;ee</source>
        <translation>收取诊断/估价费(&amp;E)</translation>
    </message>
    <message>
        <source>Arrears approved by supervisor …</source>
        <translation>主管批准欠收…</translation>
    </message>
    <message>
        <source>Credit the appointment deposit {amount}</source>
        <translation>抵扣预约定金 {amount}</translation>
    </message>
    <message>
        <source>Let the balance out as arrears</source>
        <translation>批准欠收</translation>
    </message>
    <message>
        <source>Why may {amount} stay unpaid, and until when?</source>
        <translation>{amount} 为何暂不支付？何时付清？</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>The week before</source>
        <translation>上一周</translation>
    </message>
    <message>
        <source>The week after</source>
        <translation>下一周</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>The month before</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>The month after</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>The days before</source>
        <translation>前一段</translation>
    </message>
    <message>
        <source>The days after</source>
        <translation>后一段</translation>
    </message>
</context>
<context>
    <name>PlateField</name>
    <message>
        <source>Province: type its pinyin (w or wan for 皖) or the character</source>
        <translation>省份：输入拼音（w 或 wan 即皖）或直接输入汉字</translation>
    </message>
    <message>
        <source>e.g. B12345</source>
        <translation>如 B12345</translation>
    </message>
    <message>
        <source>(Enter: {first})</source>
        <translation>（回车：{first}）</translation>
    </message>
    <message>
        <source>No province is typed “{text}”</source>
        <translation>没有省份简称是“{text}”</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Printer …</source>
        <translation>选择打印机…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>PrintersPage</name>
    <message>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Which printer each form goes to, on this computer.</source>
        <translation>本电脑上各类单据使用的打印机。</translation>
    </message>
    <message>
        <source>No printer is installed on this computer. That is fine: each form asks for its printer the first time it is printed, and remembers it. Press Next to go on.</source>
        <translation>本电脑未安装打印机。没关系：每类单据第一次打印时会询问打印机并记住选择。请按“下一步”继续。</translation>
    </message>
    <message>
        <source>Which printer each form goes to, on this computer. “Ask at the first print”: the print dialog appears once, then the choice is remembered.</source>
        <translation>本电脑上各类单据使用的打印机。“首次打印时询问”：打印对话框只出现一次，之后记住所选打印机。</translation>
    </message>
    <message>
        <source>(choose for each form)</source>
        <translation>（逐项选择）</translation>
    </message>
    <message>
        <source>Every form</source>
        <translation>全部单据</translation>
    </message>
    <message>
        <source>Ask at the first print</source>
        <translation>首次打印时询问</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Repair order</source>
        <translation>进厂维修单</translation>
    </message>
    <message>
        <source>Diagnosis report</source>
        <translation>检测诊断单</translation>
    </message>
    <message>
        <source>Exit notice</source>
        <translation>出厂通知单</translation>
    </message>
    <message>
        <source>Supplementary repair order</source>
        <translation>追加维修单</translation>
    </message>
    <message>
        <source>The {form} is not printed for an order in this state.</source>
        <translation>此状态的工单不打印{form}。</translation>
    </message>
    <message>
        <source>No Chinese font found for printing. Install Microsoft YaHei or SimHei (Windows), or put a .ttf/.ttc font into the resources/fonts folder, or choose a font file in Settings.</source>
        <translation>未找到可用于打印的中文字体。请安装微软雅黑或黑体（Windows），或将 .ttf/.ttc 字体放入 resources/fonts 文件夹，或在设置中选择字体文件。</translation>
    </message>
    <message>
        <source>The printer did not take the form. Check that it is on and try again.</source>
        <translation>打印机未能接收此单据。请检查打印机是否开启后重试。</translation>
    </message>
    <message>
        <source>Check-in sheet</source>
        <translation>交车检查单</translation>
    </message>
    <message>
        <source>Belongings list</source>
        <translation>随车物品清单</translation>
    </message>
    <message>
        <source>Key tag</source>
        <translation>钥匙牌</translation>
    </message>
    <message>
        <source>Key cabinet end-of-day check</source>
        <translation>钥匙柜日终核对</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>结算单</translation>
    </message>
    <message>
        <source>Quality guarantee certificate</source>
        <translation>质量保证书</translation>
    </message>
    <message>
        <source>Daily self-review</source>
        <translation>工作日自评</translation>
    </message>
    <message>
        <source>Monthly summary</source>
        <translation>月度工作总结</translation>
    </message>
    <message>
        <source>Appointment form</source>
        <translation>预约单</translation>
    </message>
    <message>
        <source>Workshop bay list (appointments)</source>
        <translation>车间预约工位表</translation>
    </message>
    <message>
        <source>Appointment statistics</source>
        <translation>预约统计表</translation>
    </message>
    <message>
        <source>Reminder and invitation letters</source>
        <translation>保养提醒函和邀请函</translation>
    </message>
    <message>
        <source>Open warranty claims list</source>
        <translation>未结保修索赔清单</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Progress check</source>
        <translation>进度检查</translation>
    </message>
    <message>
        <source>Any problem the workshop reports</source>
        <translation>车间反映的问题</translation>
    </message>
    <message>
        <source>What is done so the promised time holds</source>
        <translation>为保证承诺时间采取的措施</translation>
    </message>
    <message>
        <source>Move the promised time to</source>
        <translation>承诺交车改为</translation>
    </message>
    <message>
        <source>Expected completion</source>
        <translation>预计完工</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Customer told by</source>
        <translation>告知客户方式</translation>
    </message>
    <message>
        <source>Record progress chec&amp;k</source>
        <translation>记录进度检查(&amp;K)</translation>
    </message>
    <message>
        <source>Checked {at}: expected completion {expected}.</source>
        <translation>已于 {at} 检查：预计完工 {expected}。</translation>
    </message>
    <message>
        <source>Problem: {problem} — action: {action}.</source>
        <translation>问题：{problem} — 措施：{action}。</translation>
    </message>
    <message>
        <source>Promise moved to {at}, customer told by {channel}.</source>
        <translation>承诺交车改为 {at}，已通过{channel}告知客户。</translation>
    </message>
    <message>
        <source>Ask the workshop at {at} (75 % of the planned {minutes} min).</source>
        <translation>请于 {at} 询问车间进度（计划 {minutes} 分钟的 75%）。</translation>
    </message>
    <message>
        <source>Due now.</source>
        <translation>现在到期。</translation>
    </message>
</context>
<context>
    <name>ReadingsSection</name>
    <message>
        <source>Fuel and odometer</source>
        <translation>油量与里程</translation>
    </message>
    <message>
        <source>Fuel / charge *</source>
        <translation>油量 / 电量 *</translation>
    </message>
    <message>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <source>Odometer *</source>
        <translation>里程 *</translation>
    </message>
    <message>
        <source>Reason if lower than the last reading</source>
        <translation>低于上次读数时填写原因</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Last recorded: {km} km</source>
        <translation>上次记录：{km} 公里</translation>
    </message>
</context>
<context>
    <name>ReadyForm</name>
    <message>
        <source>Ready for pickup</source>
        <translation>待取车</translation>
    </message>
    <message>
        <source>Washed</source>
        <translation>已洗车</translation>
    </message>
    <message>
        <source>Interior cleaned</source>
        <translation>已清洁内饰</translation>
    </message>
    <message>
        <source>Exterior looked over</source>
        <translation>已检查外观</translation>
    </message>
    <message>
        <source>Tools and belongings back in the car</source>
        <translation>工具及随车物品已放回车内</translation>
    </message>
    <message>
        <source>Bills from workshop and parts collected</source>
        <translation>已收齐车间及配件部单据</translation>
    </message>
    <message>
        <source>The cashier&apos;s total in yuan</source>
        <translation>结算员核算的合计金额（元）</translation>
    </message>
    <message>
        <source>Cashier&apos;s total (¥)</source>
        <translation>结算员合计（¥）</translation>
    </message>
    <message>
        <source>Customer notified by</source>
        <translation>通知客户方式</translation>
    </message>
    <message>
        <source>Read&amp;y for pickup</source>
        <translation>待取车(&amp;Y)</translation>
    </message>
    <message>
        <source>Order {number} — work completed; lines on the order {total}</source>
        <translation>工单 {number} — 已完工；单上项目合计 {total}</translation>
    </message>
</context>
<context>
    <name>ReceiverSection</name>
    <message>
        <source>Workshop receiver (car goes straight to the workshop)</source>
        <translation>车间接车人（车辆直接进车间）</translation>
    </message>
    <message>
        <source>Name of the workshop receiver (optional)</source>
        <translation>车间接车人姓名（可选）</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>接收人</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>ReceptionDesk</name>
    <message>
        <source>Waiting at reception</source>
        <translation>前台等候</translation>
    </message>
    <message>
        <source>Nobody is waiting — F3 registers a walk-in</source>
        <translation>暂无等候 — 按 F3 接待散客</translation>
    </message>
    <message>
        <source>Search a plate, phone or name (F2) to start — or F3 for a new walk-in.</source>
        <translation>搜索车牌、电话或姓名（F2）开始 — 或按 F3 接待新散客。</translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <source>New walk-in: customer and vehicle</source>
        <translation>新散客：客户与车辆</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Register and start the order</source>
        <translation>建档并开始开单</translation>
    </message>
</context>
<context>
    <name>ReleasePanel</name>
    <message>
        <source>Hand the car back</source>
        <translation>交车</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <source>Belongings</source>
        <translation>随车物品</translation>
    </message>
    <message>
        <source>Note when something is missing</source>
        <translation>如有缺少请说明</translation>
    </message>
    <message>
        <source>&amp;Keys handed back</source>
        <translation>钥匙已交还(&amp;K)</translation>
    </message>
    <message>
        <source>Ticked &amp;back</source>
        <translation>已清点交还(&amp;B)</translation>
    </message>
    <message>
        <source>Customer si&amp;gned the list</source>
        <translation>客户已签字(&amp;G)</translation>
    </message>
    <message>
        <source>D&amp;ocuments handed back</source>
        <translation>证件已交还(&amp;O)</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>随车证件</translation>
    </message>
    <message>
        <source>At check-in</source>
        <translation>进厂时</translation>
    </message>
    <message>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <source>Odometer out</source>
        <translation>出厂里程</translation>
    </message>
    <message>
        <source>Fuel / charge out</source>
        <translation>出厂油量/电量</translation>
    </message>
    <message>
        <source>Why it differs much from check-in, e.g. road test 30 km</source>
        <translation>与进厂相差较大的原因，如路试 30 公里</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Record readings o&amp;ut</source>
        <translation>记录出厂读数(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Release the car</source>
        <translation>交车出厂(&amp;R)</translation>
    </message>
    <message>
        <source>No key registered</source>
        <translation>未登记钥匙</translation>
    </message>
    <message>
        <source>handed back</source>
        <translation>已交还</translation>
    </message>
    <message>
        <source>hook {hook}</source>
        <translation>{hook} 号钩</translation>
    </message>
    <message>
        <source>out with {holder}</source>
        <translation>在 {holder} 处</translation>
    </message>
    <message>
        <source>None left in the car</source>
        <translation>车内无寄存物品</translation>
    </message>
    <message>
        <source>None recorded at check-in</source>
        <translation>进厂时未登记</translation>
    </message>
    <message>
        <source>{km} km, fuel {fuel}</source>
        <translation>{km} 公里，油量 {fuel}</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Cars received</source>
        <translation>进厂台次</translation>
    </message>
    <message>
        <source>Cars released</source>
        <translation>出厂台次</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营业额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Arrears let out</source>
        <translation>欠收</translation>
    </message>
    <message>
        <source>Promises kept</source>
        <translation>按时交车率</translation>
    </message>
    <message>
        <source>Average workshop time</source>
        <translation>平均在修时间</translation>
    </message>
    <message>
        <source>Extra work accepted</source>
        <translation>追加项目成交</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <source>{delta} points</source>
        <translation>{delta} 个百分点</translation>
    </message>
    <message>
        <source>{n} declined</source>
        <translation>拒修 {n} 台</translation>
    </message>
    <message>
        <source>{n} settled</source>
        <translation>结算 {n} 台</translation>
    </message>
    <message>
        <source>Labour {labour} · parts {parts} · fees {fees}</source>
        <translation>工时 {labour} · 配件 {parts} · 其他 {fees}</translation>
    </message>
    <message>
        <source>Discounts {amount}</source>
        <translation>优惠 {amount}</translation>
    </message>
    <message>
        <source>Outstanding at the end: {amount}</source>
        <translation>期末累计欠收：{amount}</translation>
    </message>
    <message>
        <source>{kept} of {due} kept</source>
        <translation>{due} 台中按时 {kept} 台</translation>
    </message>
    <message>
        <source>No promise was due</source>
        <translation>本期无约定交车</translation>
    </message>
    <message>
        <source>{n} orders completed</source>
        <translation>完工 {n} 台</translation>
    </message>
    <message>
        <source>of {offered} offered · {amount}</source>
        <translation>建议 {offered} 项 · {amount}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Total paid</source>
        <translation>实收合计</translation>
    </message>
    <message>
        <source>Keys out longer than allowed</source>
        <translation>钥匙借出超时</translation>
    </message>
    <message>
        <source>Released without the key back</source>
        <translation>出厂时钥匙未交还</translation>
    </message>
    <message>
        <source>Belongings came back short</source>
        <translation>随车物品交还短缺</translation>
    </message>
    <message>
        <source>Comebacks</source>
        <translation>返修</translation>
    </message>
    <message>
        <source>Estimates declined</source>
        <translation>客户拒修</translation>
    </message>
    <message>
        <source>Extra work declined</source>
        <translation>追加项目被拒</translation>
    </message>
    <message>
        <source>Appointments made</source>
        <translation>预约台次</translation>
    </message>
    <message>
        <source>Appointments kept</source>
        <translation>按约到店</translation>
    </message>
    <message>
        <source>Appointments missed</source>
        <translation>预约未到</translation>
    </message>
    <message>
        <source>Appointments cancelled</source>
        <translation>预约取消</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>应回访</translation>
    </message>
    <message>
        <source>Follow-ups done</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Average satisfaction</source>
        <translation>平均满意度</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>受理投诉</translation>
    </message>
    <message>
        <source>Complaints answered in time</source>
        <translation>按时答复投诉</translation>
    </message>
    <message>
        <source>Complaints escalated</source>
        <translation>升级投诉</translation>
    </message>
</context>
<context>
    <name>ReportsDesk</name>
    <message>
        <source>Compare with the previous period</source>
        <translation>与上期对比</translation>
    </message>
    <message>
        <source>&amp;Daily self-review …</source>
        <translation>工作日自评…(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Monthly summary …</source>
        <translation>月度总结…(&amp;M)</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel …</source>
        <translation>导出 Excel…(&amp;X)</translation>
    </message>
    <message>
        <source>Nothing in this period: no car received, released or settled. Step back with the arrow or choose another period.</source>
        <translation>本期没有进厂、出厂或结算的车辆。请用箭头回到前一期或选择其他期间。</translation>
    </message>
    <message>
        <source>Cars received per day</source>
        <translation>每日进厂台次</translation>
    </message>
    <message>
        <source>Cars received by model</source>
        <translation>各车型进厂台次</translation>
    </message>
    <message>
        <source>Repair categories (lines)</source>
        <translation>维修类别（项目数）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Vehicle category</source>
        <translation>车辆类型</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付费方</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Received by model</source>
        <translation>按车型</translation>
    </message>
    <message>
        <source>Received by vehicle category</source>
        <translation>按车辆类型</translation>
    </message>
    <message>
        <source>By repair category</source>
        <translation>按维修类别</translation>
    </message>
    <message>
        <source>Revenue by payer</source>
        <translation>按付费方营收</translation>
    </message>
    <message>
        <source>Payments by method</source>
        <translation>按付款方式收款</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>异常情况</translation>
    </message>
    <message>
        <source>Customer care</source>
        <translation>客户关怀</translation>
    </message>
    <message>
        <source>compared with {period}</source>
        <translation>对比 {period}</translation>
    </message>
    <message>
        <source>Other models</source>
        <translation>其他车型</translation>
    </message>
    <message>
        <source>Service_report_{period}.xlsx</source>
        <translation>服务报表_{period}.xlsx</translation>
    </message>
    <message>
        <source>Export the report to Excel</source>
        <translation>导出报表到 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Could not save {path}: the file is open in another program (close it in Excel) or the folder is read-only. Nothing was saved.</source>
        <translation>无法保存 {path}：文件已在其他程序中打开（请在 Excel 中关闭）或文件夹只读。未保存任何内容。</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}. Nothing was saved.</source>
        <translation>无法保存 {path}：{reason}。未保存任何内容。</translation>
    </message>
    <message>
        <source>Saved the report of {period} to {path}</source>
        <translation>已将 {period} 的报表保存到 {path}</translation>
    </message>
    <message>
        <source>Choose who is working at the counter first (top right).</source>
        <translation>请先选择当班人员（右上角）。</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search plate, phone, name, VIN or order number (F2)</source>
        <translation>搜索车牌、电话、姓名、VIN 或单号（F2）</translation>
    </message>
    <message>
        <source>open order {number}</source>
        <translation>在修单 {number}</translation>
    </message>
    <message>
        <source>Nothing found — F3 registers a new walk-in</source>
        <translation>未找到 — 按 F3 为新散客建档</translation>
    </message>
</context>
<context>
    <name>SelfReviewDialog</name>
    <message>
        <source>Orders received</source>
        <translation>接车台次</translation>
    </message>
    <message>
        <source>Cars released</source>
        <translation>交车台次</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>拒修</translation>
    </message>
    <message>
        <source>Comebacks</source>
        <translation>返修</translation>
    </message>
    <message>
        <source>Promised deliveries</source>
        <translation>约定交车</translation>
    </message>
    <message>
        <source>Delivered on time</source>
        <translation>按时交车</translation>
    </message>
    <message>
        <source>Extra work offered</source>
        <translation>增项建议</translation>
    </message>
    <message>
        <source>Extra work accepted</source>
        <translation>增项成交</translation>
    </message>
    <message>
        <source>Extra work accepted, amount</source>
        <translation>增项成交金额</translation>
    </message>
    <message>
        <source>Revenue settled</source>
        <translation>结算产值</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Left unpaid</source>
        <translation>欠收</translation>
    </message>
    <message>
        <source>Daily self-review</source>
        <translation>工作日自评</translation>
    </message>
    <message>
        <source>Monthly summary</source>
        <translation>月度工作总结</translation>
    </message>
    <message>
        <source>Figures from the records</source>
        <translation>系统统计数据</translation>
    </message>
    <message>
        <source>Counted from the orders you received; saving counts them again.</source>
        <translation>按您接待的工单统计；保存时重新统计。</translation>
    </message>
    <message>
        <source>Customers pleased, promises kept, extra work agreed …</source>
        <translation>客户满意、按时交车、增项成交…</translation>
    </message>
    <message>
        <source>What went wrong and what you would do differently …</source>
        <translation>哪些地方没做好，下次怎么改进…</translation>
    </message>
    <message>
        <source>What you will do tomorrow: calls to make, cars to follow up …</source>
        <translation>明天的工作：要打的电话、要跟进的车辆…</translation>
    </message>
    <message>
        <source>Your goals for next month …</source>
        <translation>下个月的工作目标…</translation>
    </message>
    <message>
        <source>What went well</source>
        <translation>做得好的方面</translation>
    </message>
    <message>
        <source>What to improve</source>
        <translation>需要改进的方面</translation>
    </message>
    <message>
        <source>Plan for tomorrow</source>
        <translation>明日工作计划</translation>
    </message>
    <message>
        <source>Plan for next month</source>
        <translation>下月工作计划</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Saves your changes first, then prints.</source>
        <translation>先保存修改，再打印。</translation>
    </message>
    <message>
        <source>Saved {time}; the figures as counted then.</source>
        <translation>已于 {time} 保存；数据为当时的统计。</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>尚未保存。</translation>
    </message>
    <message>
        <source>Someone else is now at the counter. Switch back to the person who wrote this review to save or print it; the text stays here.</source>
        <translation>当班人员已更换。请切换回填写此自评的人员再保存或打印；已填写的内容仍保留。</translation>
    </message>
    <message>
        <source>Close without saving? What you wrote since the last save is lost.</source>
        <translation>不保存就关闭吗？上次保存后填写的内容将丢失。</translation>
    </message>
</context>
<context>
    <name>SettingsDesk</name>
    <message>
        <source>Dealer</source>
        <translation>本店信息</translation>
    </message>
    <message>
        <source>e.g. 0553-5821234</source>
        <translation>例如 0553-5821234</translation>
    </message>
    <message>
        <source>Empty: no logo on the forms</source>
        <translation>留空：单据上不印店标</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>18 characters, on the business licence; empty: not printed</source>
        <translation>18 位，见营业执照；留空则不打印</translation>
    </message>
    <message>
        <source>The dealer&apos;s unified social credit code, printed on the statement</source>
        <translation>本店的统一社会信用代码，印在结算单上</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Logo (PNG or JPG)</source>
        <translation>店标（PNG 或 JPG）</translation>
    </message>
    <message>
        <source>Tax number</source>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Two letters at the start of every order number, e.g. WX 20261127 0001</source>
        <translation>每张维修单号开头的两个字母，例如 WX 20261127 0001</translation>
    </message>
    <message>
        <source>Labour rate (¥/h)</source>
        <translation>工时费（元/小时）</translation>
    </message>
    <message>
        <source>Diagnosis fee (¥)</source>
        <translation>诊断费（元）</translation>
    </message>
    <message>
        <source>Symptom risk margin (%)</source>
        <translation>现象估价风险加价（%）</translation>
    </message>
    <message>
        <source>Order number prefix</source>
        <translation>单号前缀</translation>
    </message>
    <message>
        <source>Key cabinet</source>
        <translation>钥匙柜</translation>
    </message>
    <message>
        <source>How many numbered hooks the key cabinet has (1–500)</source>
        <translation>钥匙柜的编号挂钩数量（1–500）</translation>
    </message>
    <message>
        <source>A key out of the cabinet longer than this shows in the end-of-day check</source>
        <translation>钥匙借出超过此时长将出现在日终核对中</translation>
    </message>
    <message>
        <source>Number of hooks</source>
        <translation>挂钩数量</translation>
    </message>
    <message>
        <source>Key out alert (hours)</source>
        <translation>钥匙借出提醒（小时）</translation>
    </message>
    <message>
        <source>Guarantee periods</source>
        <translation>质量保证期</translation>
    </message>
    <message>
        <source>Printed on the guarantee certificate per work item, counted from the release: whichever of the distance or the days comes first (art. 38 of the Regulations on Motor Vehicle Maintenance). The guarantee terms under Printing name these periods too: change them together.</source>
        <translation>按维修项目打印在质量保证书上，自出厂之日起计算，以里程或天数先到者为准（《机动车维修管理规定》第三十八条）。“打印”中的质量保证条款也写明了这些期限，请一并修改。</translation>
    </message>
    <message>
        <source>Major / assembly repair (km)</source>
        <translation>整车/总成修理（公里）</translation>
    </message>
    <message>
        <source>Major / assembly repair (days)</source>
        <translation>整车/总成修理（天）</translation>
    </message>
    <message>
        <source>Second-level maintenance (km)</source>
        <translation>二级维护（公里）</translation>
    </message>
    <message>
        <source>Second-level maintenance (days)</source>
        <translation>二级维护（天）</translation>
    </message>
    <message>
        <source>Minor / special repair (km)</source>
        <translation>小修及专项修理（公里）</translation>
    </message>
    <message>
        <source>Minor / special repair (days)</source>
        <translation>小修及专项修理（天）</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>结算交车</translation>
    </message>
    <message>
        <source>A car back with related work within these days or this distance after its release is flagged as a comeback (either suffices)</source>
        <translation>车辆出厂后在此天数或里程内因相关项目再次进厂，标记为返修（满足其一即可）</translation>
    </message>
    <message>
        <source>Driven more than this between check-in and release: the car leaves only with an explanation</source>
        <translation>进厂至出厂行驶超过此里程：须填写说明才能出厂</translation>
    </message>
    <message>
        <source>Fuel dropped by more eighths of a tank than this between check-in and release: the car leaves only with an explanation</source>
        <translation>进厂至出厂油量下降超过此格数（八分之一箱）：须填写说明才能出厂</translation>
    </message>
    <message>
        <source>Comeback window (days)</source>
        <translation>返修判定期（天）</translation>
    </message>
    <message>
        <source>Comeback window (km)</source>
        <translation>返修判定里程（公里）</translation>
    </message>
    <message>
        <source>Distance without explanation (km)</source>
        <translation>免说明行驶里程（公里）</translation>
    </message>
    <message>
        <source>Fuel drop without explanation (eighths)</source>
        <translation>免说明油量下降（格）</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Cars the workshop takes by appointment a day; a full day takes no more</source>
        <translation>车间每天可接待的预约车辆数；当天约满后不再接受预约</translation>
    </message>
    <message>
        <source>The length of one appointment slot in the calendar</source>
        <translation>日历中每个预约时段的时长</translation>
    </message>
    <message>
        <source>Cars a day by appointment</source>
        <translation>每日预约车辆数</translation>
    </message>
    <message>
        <source>Slot length (minutes)</source>
        <translation>时段长度（分钟）</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Empty: a Chinese font found on this computer</source>
        <translation>留空：使用本机找到的中文字体</translation>
    </message>
    <message>
        <source>A .ttf, .ttc or .otf file; add #1 after a .ttc to use its second font</source>
        <translation>.ttf、.ttc 或 .otf 文件；在 .ttc 后加 #1 可使用其中的第二种字体</translation>
    </message>
    <message>
        <source>Font file</source>
        <translation>字体文件</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Empty: backups stay on this computer</source>
        <translation>留空：备份仅保存在本机</translation>
    </message>
    <message>
        <source>A USB stick or network share that receives a copy of every backup</source>
        <translation>U 盘或网络共享文件夹，每次备份都会复制一份到这里</translation>
    </message>
    <message>
        <source>Second folder</source>
        <translation>第二备份位置</translation>
    </message>
    <message>
        <source>Guarantee terms</source>
        <translation>质量保证条款</translation>
    </message>
    <message>
        <source>Customer-supplied parts</source>
        <translation>客户自带配件</translation>
    </message>
    <message>
        <source>Aftermarket parts on critical systems</source>
        <translation>关键系统使用副厂件</translation>
    </message>
    <message>
        <source>Item pricing</source>
        <translation>项目定价</translation>
    </message>
    <message>
        <source>Symptom pricing</source>
        <translation>现象估价</translation>
    </message>
    <message>
        <source>Estimate note</source>
        <translation>估价说明</translation>
    </message>
    <message>
        <source>Restore default text</source>
        <translation>恢复默认文本</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Dealer logo</source>
        <translation>店标</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Second folder for backups</source>
        <translation>备份的第二位置</translation>
    </message>
    <message>
        <source>Fonts (*.ttf *.ttc *.otf)</source>
        <translation>字体 (*.ttf *.ttc *.otf)</translation>
    </message>
    <message>
        <source>Nothing to save: no setting was changed.</source>
        <translation>无需保存：没有更改任何设置。</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Saved: {count} settings changed</source>
        <translation>已保存：更改了 {count} 项设置</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Service Desk — first-run setup</source>
        <translation>售后服务前台 — 首次设置</translation>
    </message>
    <message>
        <source>First-run setup</source>
        <translation>首次设置</translation>
    </message>
    <message>
        <source>Stop the setup? Nothing is saved, and Service Desk closes. It asks again the next time it starts.</source>
        <translation>要停止设置吗？不会保存任何内容，程序将关闭，下次启动时会再次询问。</translation>
    </message>
    <message>
        <source>Dealer</source>
        <translation>店名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Tax number</source>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <source>Key cabinet hooks</source>
        <translation>钥匙柜挂钩数</translation>
    </message>
    <message>
        <source>Labour rate</source>
        <translation>工时单价</translation>
    </message>
    <message>
        <source> an hour</source>
        <translation> / 小时</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Asked at the first print of each form</source>
        <translation>每类单据首次打印时询问</translation>
    </message>
    <message>
        <source>{count} forms</source>
        <translation>{count} 类单据</translation>
    </message>
    <message>
        <source>Ask at the first print</source>
        <translation>首次打印时询问</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>4–8 digits, required for supervisors</source>
        <translation>4–8 位数字，业务主管必填</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Add to staff</source>
        <translation>添加员工</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Staff and their roles</source>
        <translation>员工及岗位</translation>
    </message>
    <message>
        <source>Add everyone who works with Service Desk: at least one supervisor, whose PIN approves settings, discounts and voids, and one service advisor. More can be added later under Counter → Staff.</source>
        <translation>请添加所有使用本系统的人员：至少一名主管（其 PIN 用于审批设置、优惠和作废）和一名服务顾问。以后可在“前台 → 员工”中继续添加。</translation>
    </message>
    <message>
        <source>4–8 digits, required for supervisors</source>
        <translation>4–8 位数字，主管必填</translation>
    </message>
    <message>
        <source>Add to staff (Enter)</source>
        <translation>加入名单（Enter）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Nobody yet: type a name, choose the role and press Enter.</source>
        <translation>还没有人员：输入姓名、选择岗位后按 Enter。</translation>
    </message>
    <message>
        <source> · PIN set</source>
        <translation> · 已设 PIN</translation>
    </message>
</context>
<context>
    <name>StatementView</name>
    <message>
        <source>Statement</source>
        <translation>结算单</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>估价</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>其他费用</translation>
    </message>
    <message>
        <source>Customer pays</source>
        <translation>客户自付</translation>
    </message>
    <message>
        <source>Warranty pays</source>
        <translation>索赔</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Due from the customer</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>{item} {amount}: approved by {who} at {time}</source>
        <translation>{item} {amount}：{who} 于 {time} 同意</translation>
    </message>
    <message>
        <source>Additional work the customer approved:</source>
        <translation>客户同意的追加项目：</translation>
    </message>
    <message>
        <source>Declined: the diagnosis / estimate fee is due.</source>
        <translation>客户不修：应收诊断/估价费。</translation>
    </message>
    <message>
        <source>Settled {time}; arrears {arrears}</source>
        <translation>已于 {time} 结算；欠收 {arrears}</translation>
    </message>
    <message>
        <source>Left to pay: {balance}</source>
        <translation>待付：{balance}</translation>
    </message>
    <message>
        <source>(arrears of {amount} approved)</source>
        <translation>（已批准欠收 {amount}）</translation>
    </message>
    <message>
        <source>This customer still owes {amount} from earlier visits (arrears).</source>
        <translation>该客户以往欠收 {amount}。</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Check and finish</source>
        <translation>核对并完成</translation>
    </message>
    <message>
        <source>Finish writes all of this; Back changes it.</source>
        <translation>点“完成”保存以上全部内容；点“上一步”可修改。</translation>
    </message>
</context>
<context>
    <name>Supervisor</name>
    <message>
        <source>Supervisor approving</source>
        <translation>审批主管</translation>
    </message>
    <message>
        <source>PIN of {name}</source>
        <translation>{name} 的 PIN</translation>
    </message>
</context>
<context>
    <name>TodayBoard</name>
    <message>
        <source>No promised time</source>
        <translation>无承诺时间</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Promised {at}, overdue by {late}</source>
        <translation>承诺 {at}，已超时 {late}</translation>
    </message>
    <message>
        <source>Promised {at}, {left} left</source>
        <translation>承诺 {at}，还剩 {left}</translation>
    </message>
    <message>
        <source>Check due</source>
        <translation>需查进度</translation>
    </message>
    <message>
        <source>Ask {who}: due since {at}</source>
        <translation>询问 {who}：自 {at} 起到期</translation>
    </message>
    <message>
        <source>Call the customer</source>
        <translation>请联系客户</translation>
    </message>
    <message>
        <source>Awaiting answer</source>
        <translation>等待答复</translation>
    </message>
    <message>
        <source>{what} ({amount}), waiting {waited}</source>
        <translation>{what}（{amount}），已等候 {waited}</translation>
    </message>
    <message>
        <source>Ready for {waited}, customer told</source>
        <translation>已待取 {waited}，已通知客户</translation>
    </message>
    <message>
        <source>Key out</source>
        <translation>钥匙借出</translation>
    </message>
    <message>
        <source>{kind} with {holder} for {waited}</source>
        <translation>{kind}在 {holder} 处已 {waited}</translation>
    </message>
    <message>
        <source>Waiting {waited}</source>
        <translation>已等候 {waited}</translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>暂无等候</translation>
    </message>
    <message>
        <source>In the workshop</source>
        <translation>在车间</translation>
    </message>
    <message>
        <source>No car in the workshop — hand off checked-in cars</source>
        <translation>车间暂无车辆 — 请交接已交车的车辆</translation>
    </message>
    <message>
        <source>Checks due</source>
        <translation>待查进度</translation>
    </message>
    <message>
        <source>Nothing waiting — no progress check due</source>
        <translation>暂无等候 — 没有到期的进度检查</translation>
    </message>
    <message>
        <source>Waiting for the customer&apos;s answer</source>
        <translation>等待客户答复</translation>
    </message>
    <message>
        <source>Nothing waiting — no extra work open</source>
        <translation>暂无等候 — 没有待答复的追加项目</translation>
    </message>
    <message>
        <source>Ready, not collected</source>
        <translation>待取车未取</translation>
    </message>
    <message>
        <source>Nothing waiting — no car ready for pickup</source>
        <translation>暂无等候 — 没有待取车辆</translation>
    </message>
    <message>
        <source>Keys out</source>
        <translation>借出的钥匙</translation>
    </message>
    <message>
        <source>Every key is in the cabinet</source>
        <translation>所有钥匙都在柜中</translation>
    </message>
    <message>
        <source>Waiting at reception / check-in</source>
        <translation>前台 / 交车等候</translation>
    </message>
    <message>
        <source>F3 registers a walk-in</source>
        <translation>按 F3 接待散客</translation>
    </message>
    <message>
        <source>{date} {time} — {workshop} in the workshop, {overdue} overdue</source>
        <translation>{date} {time} — 在车间 {workshop} 辆，超时 {overdue} 辆</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>Click (or Enter) to make this order current</source>
        <translation>单击（或回车）设为当前工单</translation>
    </message>
    <message>
        <source>Show all {n} (+{hidden} more)</source>
        <translation>显示全部 {n} 条（另有 {hidden} 条）</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Enter the plate number.</source>
        <translation>请输入车牌号。</translation>
    </message>
    <message>
        <source>A plate starts with a province abbreviation (皖, 京, 沪 …), e.g. {example}</source>
        <translation>车牌以省份简称开头（皖、京、沪 …），如 {example}</translation>
    </message>
    <message>
        <source>Plate format: province abbreviation + letter + 5 characters (new energy: 6), e.g. {example}</source>
        <translation>车牌格式：省份简称 + 字母 + 5 位（新能源 6 位），如 {example}</translation>
    </message>
    <message>
        <source>Enter the VIN (17 characters).</source>
        <translation>请输入车架号（VIN，17 位）。</translation>
    </message>
    <message>
        <source>The VIN has {expected} characters (found {found}).</source>
        <translation>车架号应为 {expected} 位（当前 {found} 位）。</translation>
    </message>
    <message>
        <source>The VIN uses only digits and capital letters, never I, O or Q (found: {chars}).</source>
        <translation>车架号只含数字和大写字母，不含 I、O、Q（发现：{chars}）。</translation>
    </message>
    <message>
        <source>VIN check digit (9th character) should be {expected}, found {found}. Imported car? Tick “Keep this VIN” to save it anyway.</source>
        <translation>车架号校验位（第 9 位）应为 {expected}，实为 {found}。进口车？勾选“保留此 VIN”即可保存。</translation>
    </message>
    <message>
        <source>A mobile number has {expected} digits (found {found}).</source>
        <translation>手机号应为 {expected} 位数字（当前 {found} 位）。</translation>
    </message>
    <message>
        <source>Mobile number: 11 digits starting 13–19, e.g. 13812345678.</source>
        <translation>手机号：以 13–19 开头的 11 位数字，如 13812345678。</translation>
    </message>
    <message>
        <source>Landline: area code + number, e.g. 0553-5821234 or 010-62345678 (extension: 转801), or 400-800-1234.</source>
        <translation>座机：区号 + 号码，如 0553-5821234 或 010-62345678（分机：转801），或 400-800-1234。</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>请输入联系电话。</translation>
    </message>
    <message>
        <source>Enter a mobile (e.g. 13812345678) or a landline with area code (e.g. 0553-5821234).</source>
        <translation>请输入手机号（如 13812345678）或带区号的座机（如 0553-5821234）。</translation>
    </message>
    <message>
        <source>The mileage cannot be negative.</source>
        <translation>里程不能为负数。</translation>
    </message>
    <message>
        <source>The mileage cannot exceed {max} km.</source>
        <translation>里程不能超过 {max} 公里。</translation>
    </message>
    <message>
        <source>Lower than the last reading ({last} km): confirm and give a reason.</source>
        <translation>低于上次记录的里程（{last} 公里）：请确认并填写原因。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>Remove the control characters (often pasted along with the text).</source>
        <translation>请删除控制字符（常随粘贴的文本带入）。</translation>
    </message>
    <message>
        <source>At most {max} characters.</source>
        <translation>最多 {max} 个字符。</translation>
    </message>
</context>
<context>
    <name>VehicleFields</name>
    <message>
        <source>17 characters</source>
        <translation>17 位</translation>
    </message>
    <message>
        <source>Keep this VIN (imported car)</source>
        <translation>保留此 VIN（进口车）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <source>Reason if lower than the last reading (e.g. instrument replaced)</source>
        <translation>低于上次读数时填写原因（如：更换仪表）</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>or</source>
        <translation>或</translation>
    </message>
    <message>
        <source>Plate *</source>
        <translation>车牌 *</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>VIN</translation>
    </message>
    <message>
        <source>Model *</source>
        <translation>车型 *</translation>
    </message>
    <message>
        <source>Vehicle category *</source>
        <translation>车种 *</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>购车日期</translation>
    </message>
    <message>
        <source>Odometer</source>
        <translation>里程</translation>
    </message>
    <message>
        <source>Maintenance cycle</source>
        <translation>保养周期</translation>
    </message>
    <message>
        <source>Next maintenance due</source>
        <translation>下次保养</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>(due now)</source>
        <translation>（已到期）</translation>
    </message>
</context>
<context>
    <name>Warranty</name>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Approved — waiting for payment</source>
        <translation>已批准 — 待付款</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>Overdue — still free within the grace</source>
        <translation>已逾期 — 宽限期内仍免费</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Purchase date unknown</source>
        <translation>购车日期不详</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>chase</source>
        <translation>需催办</translation>
    </message>
    <message>
        <source>{order} on {day}, {km}</source>
        <translation>{day} 工单 {order}，{km}</translation>
    </message>
    <message>
        <source>after the free window</source>
        <translation>已过免费期</translation>
    </message>
    <message>
        <source>In the shop: {order}</source>
        <translation>在厂：{order}</translation>
    </message>
    <message>
        <source>Free until {day} / {km}</source>
        <translation>免费至 {day} / {km}</translation>
    </message>
    <message>
        <source>Was free until {day} / {km}</source>
        <translation>原免费至 {day} / {km}</translation>
    </message>
</context>
<context>
    <name>WarrantyPage</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Pick an order to claim and press File claim…, or pick an open claim and record the manufacturer&apos;s answer: Approved…, Rejected… or Paid….</source>
        <translation>选择待索赔的工单后点击“提交索赔…”，或选择未结索赔并登记厂家答复：“已批准…”、“已驳回…”或“已付款…”。</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Orders to claim</source>
        <translation>待索赔工单</translation>
    </message>
    <message>
        <source>No order to claim: settled orders with lines paid by warranty appear here.</source>
        <translation>没有待索赔的工单：已结算且含保修付费项目的工单会显示在这里。</translation>
    </message>
    <message>
        <source>Open claims</source>
        <translation>未结索赔</translation>
    </message>
    <message>
        <source>No claim open with the manufacturer.</source>
        <translation>厂家处没有未结的索赔。</translation>
    </message>
    <message>
        <source>&amp;Print open claims</source>
        <translation>打印未结索赔(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;File claim…</source>
        <translation>提交索赔…(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Approved…</source>
        <translation>已批准…(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;jected…</source>
        <translation>已驳回…(&amp;J)</translation>
    </message>
    <message>
        <source>Pai&amp;d…</source>
        <translation>已付款…(&amp;D)</translation>
    </message>
    <message>
        <source>First free service (首保)</source>
        <translation>首次免费保养（首保）</translation>
    </message>
    <message>
        <source>No car near its first service: cars appear here a month before it is due.</source>
        <translation>暂无临近首保的车辆：车辆会在首保到期前一个月显示在这里。</translation>
    </message>
    <message>
        <source>{to_claim} orders to claim · {open} claims open ({chase} to chase), {expected} expected · {first} cars due for their first service</source>
        <translation>待索赔工单 {to_claim} 张 · 未结索赔 {open} 笔（需催办 {chase} 笔），预计回款 {expected} · 首保到期车辆 {first} 台</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Paid short of the approval: {amount}</source>
        <translation>付款少于批准金额：{amount}</translation>
    </message>
    <message>
        <source>Claim {number} filed.</source>
        <translation>索赔 {number} 已提交。</translation>
    </message>
    <message>
        <source>Claim {number}: approval recorded.</source>
        <translation>索赔 {number}：已登记批准。</translation>
    </message>
    <message>
        <source>Claim {number}: rejection recorded; the order can be claimed again.</source>
        <translation>索赔 {number}：已登记驳回；该工单可重新索赔。</translation>
    </message>
    <message>
        <source>Claim {number}: payment recorded.</source>
        <translation>索赔 {number}：已登记付款。</translation>
    </message>
</context>
<context>
    <name>WorkPanel</name>
    <message>
        <source>Work &amp;started</source>
        <translation>开始维修(&amp;S)</translation>
    </message>
    <message>
        <source>Work co&amp;mpleted</source>
        <translation>维修完工(&amp;M)</translation>
    </message>
    <message>
        <source>{team} · received by {receiver} at {at}</source>
        <translation>{team} · {receiver} 于 {at} 接车</translation>
    </message>
    <message>
        <source>supervisor&apos;s queue</source>
        <translation>车间主管调度</translation>
    </message>
    <message>
        <source>Promised: {at}</source>
        <translation>承诺交车：{at}</translation>
    </message>
</context>
<context>
    <name>Workshop</name>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Single team (assign it now)</source>
        <translation>单一班组（现在派工）</translation>
    </message>
    <message>
        <source>To the supervisor&apos;s queue (several teams)</source>
        <translation>交车间主管调度（多个班组）</translation>
    </message>
    <message>
        <source>Reported — contact the customer</source>
        <translation>已报告 — 请联系客户</translation>
    </message>
    <message>
        <source>Customer contacted — record the answer</source>
        <translation>已联系客户 — 请记录答复</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>客户同意</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>客户拒绝</translation>
    </message>
</context>
<context>
    <name>WorkshopDesk</name>
    <message>
        <source>Seen</source>
        <translation>已知悉</translation>
    </message>
    <message>
        <source>Cars for the workshop</source>
        <translation>车间车辆</translation>
    </message>
    <message>
        <source>No car for the workshop — a car comes here once it is checked in at the inspection desk (Ctrl+3).</source>
        <translation>没有待交车间的车辆 — 环车检查完成交车后，车辆会出现在这里（Ctrl+3）。</translation>
    </message>
    <message>
        <source>Progress check due: {number} {plate} ({customer}) — ask the workshop for the expected completion and any problem.</source>
        <translation>进度检查到期：{number} {plate}（{customer}）— 请向车间询问预计完工时间及是否有问题。</translation>
    </message>
    <message>
        <source>Pick a car in the queue — or search its plate (F2) — to hand it to the workshop or follow its work.</source>
        <translation>在队列中选择车辆 — 或搜索车牌（F2）— 交车间或跟踪维修进度。</translation>
    </message>
    <message>
        <source>Order {number} is {state}: the workshop desk takes the car once it is checked in, until it is ready for pickup.</source>
        <translation>工单 {number} 状态为“{state}”：车间交接台处理已交车至待取车之间的车辆。</translation>
    </message>
</context>
</TS>
