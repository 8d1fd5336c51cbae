#!/usr/bin/env python3
"""Writes src/main/resources/talent/demo.jsonl: the ILLUSTRATIVE talent demo (programs between real
Hubei universities of the registry demo and the illustrative demo enterprises, mentors, students,
universities' graduate figures and enterprises' talent needs). Deterministic; run from the repository root."""
import json, random

random.seed(7)
U = {  # real universities (registry demo ids)
    'hust': ('moe-4142010487', '华中科技大学'), 'whu': ('moe-4142010486', '武汉大学'), 'wut': ('moe-4142010497', '武汉理工大学'),
    'wust': ('moe-4142010488', '武汉科技大学'), 'wit': ('moe-4142010490', '武汉工程大学'), 'cug': ('moe-4142010491', '中国地质大学（武汉）'),
    'wtu': ('moe-4142010495', '武汉纺织大学'), 'hbut': ('moe-4142010500', '湖北工业大学'), 'huat': ('moe-4142010525', '湖北汽车工业学院'),
    'ctgu': ('moe-4142011075', '三峡大学'), 'yangtze': ('moe-4142010489', '长江大学'),
}
PROGRAMS = [  # key, university, enterprises, discipline, industry, degree, cohort, capacity, zh, en
    ('opto-m', 'hust', ['demo-ent-01', 'demo-ent-04'], '0803', 'ind-optoelectronics', 'master', 2023, 20, '光通信与激光工程', 'Optical communication and laser engineering'),
    ('chip-d', 'hust', ['demo-ent-02'], '0809', 'ind-optoelectronics', 'doctorate', 2022, 8, '存储芯片工程', 'Memory chip engineering'),
    ('ai-d', 'hust', ['demo-ent-28'], '0812', 'ind-ai', 'doctorate', 2022, 8, '工业人工智能', 'Industrial artificial intelligence'),
    ('nev-m', 'wut', ['demo-ent-05', 'demo-ent-06'], '0808', 'ind-nev', 'master', 2023, 24, '新能源汽车电驱与电池', 'Electric drives and batteries for new-energy vehicles'),
    ('auto-m', 'huat', ['demo-ent-08', 'demo-ent-07'], '0802', 'ind-auto', 'master', 2023, 16, '商用车设计制造', 'Commercial vehicle design and manufacturing'),
    ('steel-m', 'wust', ['demo-ent-10'], '0806', 'ind-steel', 'master', 2023, 12, '特种钢冶金工程', 'Special steel metallurgy'),
    ('chem-m', 'wit', ['demo-ent-13', 'demo-ent-14'], '0817', 'ind-petrochem', 'master', 2023, 12, '磷化工与精细化工', 'Phosphorus and fine chemicals'),
    ('green-m', 'ctgu', ['demo-ent-20'], '0830', 'ind-green', 'master', 2023, 10, '绿色建材与环境工程', 'Green building materials and environmental engineering'),
    ('pharma-m', 'whu', ['demo-ent-22', 'demo-ent-21'], '1007', 'ind-biomed', 'master', 2023, 14, '生物药工艺', 'Biopharmaceutical process engineering'),
    ('textile-m', 'wtu', ['demo-ent-17', 'demo-ent-16'], '0821', 'ind-textile', 'master', 2023, 10, '功能纺织材料', 'Functional textile materials'),
    ('space-d', 'cug', ['demo-ent-24', 'demo-ent-25'], '0825', 'ind-aerospace', 'doctorate', 2022, 6, '空天信息工程', 'Aerospace information engineering'),
    ('h2-m', 'hbut', ['demo-ent-29'], '0807', 'ind-hydrogen', 'master', 2023, 10, '氢能装备', 'Hydrogen energy equipment'),
    ('oil-m', 'yangtze', ['demo-ent-14'], '0820', 'ind-petrochem', 'master', 2023, 10, '油气田开发工程', 'Oil and gas field development'),
]
BACKGROUND = {
    '0803': ['光纤通信 光模块 激光器', '硅光集成 光电共封装', '高功率光纤激光 激光加工'],
    '0809': ['三维闪存 存储芯片 工艺', '半导体器件 可靠性', '芯片制造 良率分析'],
    '0812': ['机器学习 工业视觉 缺陷检测', '大模型 知识图谱 工业软件', '强化学习 智能调度'],
    '0808': ['电机控制 电驱系统', '动力电池 电池管理系统', '充电 功率电子'],
    '0802': ['车身结构 轻量化 压铸', '底盘设计 线控底盘', '制造工艺 数字化工厂'],
    '0806': ['特种钢 冶炼 连铸', '热处理 组织性能', '冶金过程 节能'],
    '0817': ['磷化工 湿法磷酸', '精细化工 催化', '化工过程 安全'],
    '0830': ['固废利用 绿色建材', '水处理 环境监测', '碳排放 核算'],
    '1007': ['抗体药物 纯化工艺', '疫苗 生物制品 工艺', '药物分析 质量控制'],
    '0821': ['功能纤维 非织造', '纺织复合材料', '智能纺织品'],
    '0825': ['遥感 卫星导航 北斗', '航天器 结构', '空天信息 数据处理'],
    '0807': ['氢燃料电池 电堆', '储氢 加氢装备', '电解水制氢'],
    '0820': ['油气田开发 压裂', '采油工程 数值模拟', '油气储运'],
}
SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
GIVEN = '明华强伟芳娜敏静丽军杰涛超勇艳秀娟英华慧巧美淑惠珍婷玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽'

def name():
    return random.choice(SURNAMES) + ''.join(random.choice(GIVEN) for _ in range(random.choice([1, 2])))

out = []
def rec(**r):
    out.append(json.dumps(r, ensure_ascii=False))

ILL_ZH = '示例数据：为演示编写，不是真实人员。'
ILL_EN = 'Illustrative: written for the demo, not a real person.'
students_total = 0
for key, uni, ents, disc, ind, degree, cohort, cap, zh, en in PROGRAMS:
    uid, uname = U[uni]
    acad = f'demo-talent-mentor-{key}-a'
    rec(kind='person', id=acad, name={'zh': name() + '（示例）', 'en': f'Academic mentor, {en} (illustrative)'}, organization=uid,
        title='教授', description={'zh': ILL_ZH, 'en': ILL_EN})
    industrial = {}
    for e in ents:
        pid = f'demo-talent-mentor-{key}-{e[-2:]}'
        industrial[e] = pid
        rec(kind='person', id=pid, name={'zh': name() + '（示例）', 'en': f'Industrial mentor, {en} (illustrative)'}, organization=e,
            title='高级工程师', description={'zh': ILL_ZH, 'en': ILL_EN})
    pid = f'demo-talent-{key}'
    rec(kind='talent_program', id=pid, name={'zh': zh + '联合培养项目（示例）', 'en': en + ' joint program (illustrative)'},
        university=uid, enterprises=ents, discipline=disc, industry=ind, degree_level=degree, cohort_year=cohort,
        capacity=cap, required_hours=1000 if degree == 'master' else 1500)
    n = max(3, int(cap * random.uniform(0.55, 0.8)))
    for i in range(n):
        e = ents[i % len(ents)]
        sid = f'{pid}-s{i + 1:02d}'
        grad = cohort + (3 if degree == 'master' else 4) + (1 if random.random() < 0.15 else 0)
        status = 'withdrawn' if random.random() < 0.05 else 'enrolled'
        rec(kind='person', id=f'demo-talent-student-{key}-{i + 1:02d}', name={'zh': name() + '（示例）', 'en': f'Student {i + 1}, {en} (illustrative)'},
            organization=uid, title='研究生', description={'zh': ILL_ZH, 'en': ILL_EN})
        rec(kind='talent_student', id=sid, program=pid, person=f'demo-talent-student-{key}-{i + 1:02d}', enterprise=e,
            academic_mentor=acad, industrial_mentor=industrial[e], background=random.choice(BACKGROUND[disc]),
            graduation_year=grad, status=status)
        students_total += 1

# universities' own graduate figures (illustrative), by discipline and year
FIGURES = [('hust', '0803', 160), ('hust', '0809', 140), ('hust', '0812', 220), ('hust', '0802', 150), ('whu', '0812', 160),
           ('whu', '1007', 90), ('whu', '0810', 120), ('wut', '0808', 130), ('wut', '0802', 140), ('wut', '0805', 150),
           ('wust', '0806', 120), ('wust', '0805', 90), ('wit', '0817', 150), ('cug', '0709', 110), ('cug', '0825', 30),
           ('wtu', '0821', 140), ('hbut', '0807', 60), ('hbut', '0802', 120), ('huat', '0802', 130), ('ctgu', '0830', 80),
           ('ctgu', '0808', 90), ('yangtze', '0820', 120), ('yangtze', '0817', 70)]
for uni, disc, base in FIGURES:
    for year in (2026, 2027):
        for degree, share in (('master', 1.0), ('doctorate', 0.1)):
            rec(kind='talent_supply', id=f'demo-supply-{uni}-{disc}-{year}-{degree}', university=U[uni][0], discipline=disc,
                degree_level=degree, year=year, graduates=max(1, int(base * 0.35 * share * random.uniform(0.9, 1.1))))

# enterprises' declared needs (illustrative): the emerging and future industries short, traditional ones less so
NEEDS = {
    'demo-ent-01': ('ind-optoelectronics', [('0803', None, 90), ('0810', None, 60)]),
    'demo-ent-02': ('ind-optoelectronics', [('0809', None, 150), (None, '芯片工艺整合', 40)]),
    'demo-ent-03': ('ind-optoelectronics', [('0809', None, 70), ('0805', None, 30)]),
    'demo-ent-04': ('ind-optoelectronics', [('0803', None, 60)]),
    'demo-ent-05': ('ind-nev', [('0808', None, 90), ('0811', None, 70)]),
    'demo-ent-06': ('ind-nev', [('0808', None, 80), ('0817', None, 40)]),
    'demo-ent-07': ('ind-auto', [('0802', None, 40)]),
    'demo-ent-08': ('ind-auto', [('0802', None, 50)]),
    'demo-ent-09': ('ind-auto', [('0802', None, 20)]),
    'demo-ent-10': ('ind-steel', [('0806', None, 30)]),
    'demo-ent-11': ('ind-steel', [('0806', None, 20)]),
    'demo-ent-12': ('ind-materials', [('0805', None, 60)]),
    'demo-ent-13': ('ind-petrochem', [('0817', None, 50)]),
    'demo-ent-14': ('ind-petrochem', [('0820', None, 40)]),
    'demo-ent-16': ('ind-textile', [('0821', None, 15)]),
    'demo-ent-17': ('ind-textile', [('0821', None, 20)]),
    'demo-ent-20': ('ind-building', [('0814', None, 25)]),
    'demo-ent-21': ('ind-biomed', [('1007', None, 45)]),
    'demo-ent-22': ('ind-biomed', [('1007', None, 60), ('0710', None, 30)]),
    'demo-ent-23': ('ind-biomed', [('0809', None, 20), (None, '医学影像算法', 15)]),
    'demo-ent-24': ('ind-aerospace', [('0825', None, 40)]),
    'demo-ent-25': ('ind-aerospace', [('0816', None, 30)]),
    'demo-ent-26': ('ind-digital', [('0812', None, 120)]),
    'demo-ent-27': ('ind-digital', [('0812', None, 100), (None, '云原生运维', 40)]),
    'demo-ent-28': ('ind-ai', [('0812', None, 160), (None, '大模型训练与部署', 50)]),
    'demo-ent-29': ('ind-hydrogen', [('0807', None, 60), ('0817', None, 30)]),
    'demo-ent-30': ('ind-synbio', [('0710', None, 50)]),
}
TRADITIONAL = {'ind-auto', 'ind-steel', 'ind-petrochem', 'ind-textile', 'ind-food', 'ind-building'}
for ent, (ind, items) in NEEDS.items():
    for n, (disc, skill, count) in enumerate(items):
        for year in (2026, 2027):
            r = dict(kind='talent_need', id=f'demo-need-{ent[-2:]}-{n + 1}-{year}', organization=ent, industry=ind, year=year,
                     headcount=max(1, int(count * (1.0 if year == 2026 else 1.15) * (0.8 if ind in TRADITIONAL else 1.3))), degree_level='master')
            if disc:
                r['discipline'] = disc
            if skill:
                r['skill'] = skill
            rec(**r)

with open('src/main/resources/talent/demo.jsonl', 'w', encoding='utf-8') as f:
    f.write('\n'.join(out) + '\n')
print(len(out), 'records,', students_total, 'students')
