package org.triplehelix.registry.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ILLUSTRATIVE part of the demo, written by the project: the region's named tiers that have no
 * public record here (the national laboratory, ten Hubei laboratories, eight major facilities, new
 * R&D institutions, enterprises, large instruments) and a few researchers and outputs. Every record
 * is fictitious: ids start with {@code demo-}, names end with "（示例）" / "(illustrative)", every
 * description starts with {@value #MARK}, enterprises' credit codes have the organization code
 * {@code DEM…}; the import flags them illustrative. They link only to each other.
 */
final class IllustrativeSet {

    static final String MARK = "示例数据 / Illustrative:";

    // id | type | parent | region | established | name zh | name en | description zh | description en
    private static final String ORGANIZATIONS = """
            demo-natlab-optics|national_laboratory||洪山区|2021|东湖光电国家实验室|East Lake National Laboratory for Optoelectronics|模拟国家实验室层级的虚构机构，聚焦光电子、集成电路与光通信的重大基础研究和关键核心技术攻关。|a fictitious institution at the national-laboratory tier, working on optoelectronics, integrated circuits and optical communication.
            demo-hblab-optoelectronics|provincial_laboratory|demo-natlab-optics|洪山区|2021|光电子信息湖北实验室|Hubei Laboratory of Optoelectronic Information|虚构的湖北实验室，方向为光通信器件、硅光集成、激光与新型显示。|a fictitious Hubei laboratory for optical communication devices, silicon photonics, lasers and displays.
            demo-hblab-materials|provincial_laboratory||武昌区|2021|先进材料湖北实验室|Hubei Laboratory of Advanced Materials|虚构的湖北实验室，方向为高性能金属、碳纤维复合材料和电子功能材料。|a fictitious Hubei laboratory for high-performance metals, carbon-fibre composites and electronic materials.
            demo-hblab-bioagri|provincial_laboratory||洪山区|2021|生物育种与现代农业湖北实验室|Hubei Laboratory of Biological Breeding and Modern Agriculture|虚构的湖北实验室，方向为作物基因组育种、表型组学和农业微生物。|a fictitious Hubei laboratory for crop genomic breeding, phenomics and agricultural microbiology.
            demo-hblab-aerospace|provincial_laboratory||武昌区|2022|空天信息湖北实验室|Hubei Laboratory of Aerospace Information|虚构的湖北实验室，方向为遥感卫星、北斗导航和空天地一体化信息网络。|a fictitious Hubei laboratory for remote-sensing satellites, BeiDou navigation and space-air-ground information networks.
            demo-hblab-hydrogen|provincial_laboratory||东西湖区|2022|氢能与新型储能湖北实验室|Hubei Laboratory of Hydrogen and Energy Storage|虚构的湖北实验室，方向为电解水制氢、燃料电池和储能电池安全。|a fictitious Hubei laboratory for water electrolysis, fuel cells and battery safety.
            demo-hblab-biomed|provincial_laboratory||江夏区|2021|生物医药湖北实验室|Hubei Laboratory of Biomedicine|虚构的湖北实验室，方向为创新药物、疫苗、医学影像和精准医学。|a fictitious Hubei laboratory for new drugs, vaccines, medical imaging and precision medicine.
            demo-hblab-semiconductor|provincial_laboratory||江夏区|2021|集成电路与化合物半导体湖北实验室|Hubei Laboratory of Integrated Circuits and Compound Semiconductors|虚构的湖北实验室，方向为存储芯片工艺、碳化硅和氮化镓器件。|a fictitious Hubei laboratory for memory chip processes and silicon carbide and gallium nitride devices.
            demo-hblab-vehicles|provincial_laboratory||襄州区|2022|智能网联汽车湖北实验室|Hubei Laboratory of Intelligent Connected Vehicles|虚构的湖北实验室，方向为自动驾驶感知决策、线控底盘和车用电子电气架构。|a fictitious Hubei laboratory for autonomous-driving perception, drive-by-wire chassis and vehicle electronics.
            demo-hblab-greenchem|provincial_laboratory||猇亭区|2022|绿色化工湖北实验室|Hubei Laboratory of Green Chemical Engineering|虚构的湖北实验室，方向为磷资源高值化利用、电子化学品和化工过程低碳化。|a fictitious Hubei laboratory for phosphorus resources, electronic chemicals and low-carbon chemical processes.
            demo-hblab-tcm|provincial_laboratory||蕲春县|2022|中医药湖北实验室|Hubei Laboratory of Traditional Chinese Medicine|虚构的湖北实验室，方向为道地药材资源、中药质量控制和中药新药。|a fictitious Hubei laboratory for authentic medicinal herbs, quality control and new Chinese medicines.
            demo-mf-magnet|major_facility|demo-natlab-optics|洪山区|2013|脉冲强磁场综合实验装置|Pulsed High Magnetic Field Facility|虚构的重大科技基础设施，提供强磁场下的输运、磁性和光谱测量。|a fictitious major facility for transport, magnetic and spectroscopic measurements in pulsed high magnetic fields.
            demo-mf-gravity|major_facility||洪山区|2018|精密重力测量装置|Precision Gravity Measurement Facility|虚构的重大科技基础设施，开展绝对重力、重力梯度和引力常数精密测量。|a fictitious major facility for absolute gravity, gravity-gradient and gravitational-constant measurements.
            demo-mf-lightsource|major_facility||江夏区|2023|低能区同步辐射光源|Low-energy Synchrotron Light Source|虚构的重大科技基础设施，提供软X射线谱学、成像和散射光束线。|a fictitious major facility offering soft X-ray spectroscopy, imaging and scattering beamlines.
            demo-mf-phenomics|major_facility|demo-hblab-bioagri|洪山区|2022|作物表型组学研究设施|Crop Phenomics Research Facility|虚构的重大科技基础设施，对作物开展全生育期高通量表型测量。|a fictitious major facility for high-throughput phenotyping of crops over their whole growth cycle.
            demo-mf-bioimaging|major_facility|demo-hblab-biomed|洪山区|2022|高端生物医学成像设施|Advanced Biomedical Imaging Facility|虚构的重大科技基础设施，覆盖分子、细胞、器官和人体多尺度成像。|a fictitious major facility for imaging from molecules and cells to organs and the human body.
            demo-mf-biosafety|major_facility||江夏区|2017|高等级生物安全实验设施|High-containment Biosafety Facility|虚构的重大科技基础设施，开展高致病性病原体研究与检测。|a fictitious major facility for research on and detection of highly pathogenic agents.
            demo-mf-geotech|major_facility||武昌区|2023|深部岩土工程扰动模拟设施|Deep Geotechnical Disturbance Simulation Facility|虚构的重大科技基础设施，模拟深部工程开挖中的岩体应力与破坏过程。|a fictitious major facility simulating rock stress and failure in deep excavations.
            demo-mf-hydraulic|major_facility||夷陵区|2024|长江流域水工模拟设施|Yangtze Basin Hydraulic Simulation Facility|虚构的重大科技基础设施，开展大坝、河道与水库调度的物理模型试验。|a fictitious major facility for physical models of dams, river channels and reservoir operation.
            demo-rd-wh-optoelectronics|new_rd_institution||洪山区|2019|武汉光电产业技术研究院|Wuhan Institute of Optoelectronic Industry Technology|虚构的新型研发机构，开展光模块、激光器件中试和技术转移。|a fictitious new R&D institution for pilot production and transfer of optical modules and laser devices.
            demo-rd-wh-manufacturing|new_rd_institution||东西湖区|2019|武汉智能制造创新研究院|Wuhan Intelligent Manufacturing Innovation Institute|虚构的新型研发机构，开展数控系统、工业机器人和数字孪生工厂研发。|a fictitious new R&D institution for CNC systems, industrial robots and digital-twin factories.
            demo-rd-wh-biotransfer|new_rd_institution||江夏区|2020|武汉生物医药技术转化研究院|Wuhan Institute of Biomedical Translation|虚构的新型研发机构，提供药物筛选、临床前评价和生物制品工艺放大服务。|a fictitious new R&D institution offering drug screening, preclinical evaluation and bioprocess scale-up.
            demo-rd-wh-ai|new_rd_institution||江岸区|2021|武汉人工智能创新研究院|Wuhan Artificial Intelligence Innovation Institute|虚构的新型研发机构，研发行业大模型、机器视觉和智能决策系统。|a fictitious new R&D institution for domain large models, machine vision and decision systems.
            demo-rd-wh-spaceinfo|new_rd_institution||武昌区|2020|武汉空天信息产业研究院|Wuhan Aerospace Information Industry Institute|虚构的新型研发机构，开展遥感数据处理、北斗应用和时空大数据服务。|a fictitious new R&D institution for remote-sensing data, BeiDou applications and spatio-temporal data services.
            demo-rd-wh-quantum|new_rd_institution||洪山区|2022|武汉量子技术研究院|Wuhan Institute of Quantum Technology|虚构的新型研发机构，研发量子精密测量仪器和量子通信器件。|a fictitious new R&D institution for quantum sensors and quantum communication devices.
            demo-rd-xy-auto|new_rd_institution||襄州区|2018|襄阳汽车产业技术研究院|Xiangyang Automotive Industry Technology Institute|虚构的新型研发机构，开展整车与零部件测试、轻量化和新能源动力总成研发。|a fictitious new R&D institution for vehicle and parts testing, lightweighting and electric powertrains.
            demo-rd-sy-commercial|new_rd_institution||张湾区|2019|十堰商用车技术研究院|Shiyan Commercial Vehicle Technology Institute|虚构的新型研发机构，研发商用车电驱动、智能驾驶和车联网技术。|a fictitious new R&D institution for electric drives, automated driving and telematics of commercial vehicles.
            demo-rd-yc-phosphorus|new_rd_institution||猇亭区|2019|宜昌磷化工新材料研究院|Yichang Phosphorus Chemicals and New Materials Institute|虚构的新型研发机构，开展磷酸铁锂前驱体、电子级磷酸和磷石膏综合利用研发。|a fictitious new R&D institution for LFP precursors, electronic-grade phosphoric acid and phosphogypsum use.
            demo-rd-jz-petroleum|new_rd_institution||沙市区|2020|荆州石油装备技术研究院|Jingzhou Petroleum Equipment Technology Institute|虚构的新型研发机构，研发钻采装备、井下工具和油气田智能化技术。|a fictitious new R&D institution for drilling equipment, downhole tools and digital oilfields.
            demo-rd-jm-aviation|new_rd_institution||掇刀区|2020|荆门通用航空产业研究院|Jingmen General Aviation Industry Institute|虚构的新型研发机构，开展轻型飞机、无人机和航空复合材料研发。|a fictitious new R&D institution for light aircraft, drones and aviation composites.
            demo-rd-xg-equipment|new_rd_institution||孝南区|2021|孝感光电智能装备研究院|Xiaogan Optoelectronic Intelligent Equipment Institute|虚构的新型研发机构，研发激光加工装备和机器视觉检测设备。|a fictitious new R&D institution for laser processing equipment and machine-vision inspection.
            demo-rd-hs-metals|new_rd_institution||下陆区|2019|黄石先进金属材料研究院|Huangshi Advanced Metal Materials Institute|虚构的新型研发机构，开展高端铜合金、特种钢和模具材料研发。|a fictitious new R&D institution for copper alloys, special steels and die materials.
            demo-rd-ez-biomed|new_rd_institution||鄂城区|2021|鄂州光电子与生物医药研究院|Ezhou Optoelectronics and Biomedicine Institute|虚构的新型研发机构，开展光电器件封装和医疗器械研发与检测。|a fictitious new R&D institution for optoelectronic packaging and medical device development and testing.
            demo-rd-hg-buildmat|new_rd_institution||黄州区|2020|黄冈绿色建材研究院|Huanggang Green Building Materials Institute|虚构的新型研发机构，研发低碳水泥、装配式建筑部件和固废建材。|a fictitious new R&D institution for low-carbon cement, prefabricated components and materials from solid waste.
            demo-rd-xn-hydrogen|new_rd_institution||咸安区|2022|咸宁氢能与储能技术研究院|Xianning Hydrogen and Energy Storage Institute|虚构的新型研发机构，开展制氢装备、储氢材料和电池储能系统研发。|a fictitious new R&D institution for hydrogen production equipment, storage materials and battery storage systems.
            demo-rd-sz-vehicles|new_rd_institution||曾都区|2020|随州专用汽车研究院|Suizhou Special Purpose Vehicle Institute|虚构的新型研发机构，研发应急救援、环卫和冷链专用车辆。|a fictitious new R&D institution for emergency, sanitation and cold-chain special vehicles.
            demo-rd-es-selenium|new_rd_institution||恩施市|2019|恩施硒资源与生物技术研究院|Enshi Selenium Resources and Biotechnology Institute|虚构的新型研发机构，开展富硒农产品、功能食品和植物提取研发。|a fictitious new R&D institution for selenium-rich produce, functional foods and plant extracts.
            demo-rd-xt-nonwoven|new_rd_institution||仙桃市|2020|仙桃非织造新材料研究院|Xiantao Nonwoven Materials Institute|虚构的新型研发机构，研发医用防护非织造材料和熔喷工艺。|a fictitious new R&D institution for medical protective nonwovens and melt-blown processes.
            demo-rd-qj-chemicals|new_rd_institution||潜江市|2021|潜江油气化工研究院|Qianjiang Oil, Gas and Chemicals Institute|虚构的新型研发机构，开展盐化工、精细化工和页岩气开发技术研发。|a fictitious new R&D institution for salt chemicals, fine chemicals and shale-gas development.
            """;

    // serial | region code | region | industry zh | industry en | name zh | name en | business zh | business en
    private static final String ENTERPRISES = """
            1|420111|洪山区|光电子信息|optoelectronic information|武汉楚芯光通信有限公司|Wuhan Chuxin Optical Communications Co., Ltd.|高速光模块、硅光芯片的研发与制造|high-speed optical modules and silicon photonics chips
            2|420111|洪山区|光电子信息|optoelectronic information|武汉江城存储科技有限公司|Wuhan Jiangcheng Memory Technology Co., Ltd.|三维闪存存储芯片与固态硬盘|3D NAND memory chips and solid-state drives
            3|420111|洪山区|光电子信息|optoelectronic information|武汉光屏显示技术有限公司|Wuhan Guangping Display Technology Co., Ltd.|柔性OLED显示面板与模组|flexible OLED display panels and modules
            4|420115|江夏区|高端装备|high-end equipment|武汉东湖激光装备有限公司|Wuhan Donghu Laser Equipment Co., Ltd.|高功率光纤激光器与激光焊接切割装备|high-power fibre lasers and laser welding and cutting systems
            5|420114|蔡甸区|新能源与智能网联汽车|new-energy and intelligent connected vehicles|武汉汉江智能网联汽车有限公司|Wuhan Hanjiang Intelligent Connected Vehicle Co., Ltd.|智能驾驶域控制器与线控底盘|automated-driving domain controllers and drive-by-wire chassis
            6|420113|汉南区|新能源与智能网联汽车|new-energy and intelligent connected vehicles|武汉车谷动力电池有限公司|Wuhan Chegu Power Battery Co., Ltd.|磷酸铁锂与三元动力电池系统|LFP and NMC traction battery systems
            7|420607|襄州区|汽车|automobiles|襄阳隆中汽车零部件有限公司|Xiangyang Longzhong Auto Parts Co., Ltd.|汽车底盘结构件与一体化压铸件|chassis structural parts and integrated die castings
            8|420303|张湾区|汽车|automobiles|十堰武当商用车有限公司|Shiyan Wudang Commercial Vehicle Co., Ltd.|中重型卡车与新能源商用车|medium and heavy trucks and electric commercial vehicles
            9|421303|曾都区|汽车|automobiles|随州编钟专用汽车有限公司|Suizhou Bianzhong Special Vehicle Co., Ltd.|应急救援与冷链专用车|emergency-rescue and cold-chain special vehicles
            10|420107|青山区|钢铁及冶金|steel and metallurgy|武汉青山特种钢有限公司|Wuhan Qingshan Special Steel Co., Ltd.|硅钢、汽车用高强钢与氢冶金试验|silicon steel, automotive high-strength steel and hydrogen metallurgy trials
            11|420202|黄石港区|钢铁及冶金|steel and metallurgy|黄石磁湖冶金材料有限公司|Huangshi Cihu Metallurgical Materials Co., Ltd.|特种合金棒线材与模具钢|special alloy bars and die steels
            12|420281|大冶市|新材料|new materials|大冶铜都新材料有限公司|Daye Tongdu New Materials Co., Ltd.|高端铜箔与铜合金带材|high-end copper foil and copper alloy strip
            13|420505|猇亭区|石油化工|petrochemicals|宜昌三峡磷化工有限公司|Yichang Sanxia Phosphorus Chemicals Co., Ltd.|电子级磷酸与磷系新能源材料|electronic-grade phosphoric acid and phosphorus-based battery materials
            14|420802|东宝区|石油化工|petrochemicals|荆门漳河石化有限公司|Jingmen Zhanghe Petrochemical Co., Ltd.|炼化一体化与特种油品|integrated refining and specialty oils
            15|429005|潜江市|石油化工|petrochemicals|潜江江汉盐化工有限公司|Qianjiang Jianghan Salt Chemicals Co., Ltd.|氯碱与精细化学品|chlor-alkali and fine chemicals
            16|429004|仙桃市|纺织服装|textiles and garments|仙桃沔阳非织造布有限公司|Xiantao Mianyang Nonwovens Co., Ltd.|医用防护服与熔喷非织造布|medical protective garments and melt-blown nonwovens
            17|420923|云梦县|纺织服装|textiles and garments|孝感云梦纺织服装有限公司|Xiaogan Yunmeng Textiles and Garments Co., Ltd.|功能性面料与智能制衣|functional fabrics and automated garment making
            18|421003|荆州区|食品加工|food processing|荆州楚都食品有限公司|Jingzhou Chudu Foods Co., Ltd.|淡水产品精深加工与预制菜|freshwater fish processing and prepared meals
            19|422801|恩施市|食品加工|food processing|恩施硒源茶业有限公司|Enshi Xiyuan Tea Co., Ltd.|富硒茶与功能饮品|selenium-rich tea and functional drinks
            20|421102|黄州区|建筑材料|building materials|黄冈东坡绿色建材有限公司|Huanggang Dongpo Green Building Materials Co., Ltd.|低碳水泥与装配式建筑构件|low-carbon cement and prefabricated building components
            21|420702|梁子湖区|生物医药与大健康|biomedicine and health|鄂州梁子湖生物医药有限公司|Ezhou Liangzihu Biopharmaceutical Co., Ltd.|单克隆抗体药物与生物类似药|monoclonal antibodies and biosimilars
            22|420115|江夏区|生物医药与大健康|biomedicine and health|武汉光谷生物制药有限公司|Wuhan Guanggu Biopharma Co., Ltd.|新型疫苗与重组蛋白|new vaccines and recombinant proteins
            23|420105|汉阳区|生物医药与大健康|biomedicine and health|武汉汉阳医疗影像设备有限公司|Wuhan Hanyang Medical Imaging Equipment Co., Ltd.|CT、超声与医用探测器|CT, ultrasound and medical detectors
            24|420117|新洲区|航空航天|aerospace|武汉临空航天科技有限公司|Wuhan Linkong Aerospace Technology Co., Ltd.|商业运载火箭结构件与小卫星平台|commercial launch-vehicle structures and small-satellite platforms
            25|420106|武昌区|航空航天|aerospace|武汉北斗时空信息有限公司|Wuhan Beidou Spatio-temporal Information Co., Ltd.|北斗高精度定位终端与时空数据服务|BeiDou high-precision receivers and spatio-temporal data services
            26|420103|江汉区|数字经济|digital economy|武汉长江工业软件有限公司|Wuhan Changjiang Industrial Software Co., Ltd.|CAE仿真软件与工业互联网平台|CAE simulation software and an industrial internet platform
            27|420112|东西湖区|数字经济|digital economy|武汉黄鹤云数据有限公司|Wuhan Huanghe Cloud Data Co., Ltd.|数据中心与政务云服务|data centres and government cloud services
            28|420111|洪山区|人工智能|artificial intelligence|武汉珞珈智能科技有限公司|Wuhan Luojia Intelligent Technology Co., Ltd.|行业大模型与工业视觉检测|domain large models and industrial visual inspection
            29|421202|咸安区|氢能|hydrogen energy|咸宁香城氢能装备有限公司|Xianning Xiangcheng Hydrogen Equipment Co., Ltd.|碱性与PEM电解槽、加氢站设备|alkaline and PEM electrolysers and refuelling-station equipment
            30|429006|天门市|合成生物|synthetic biology|天门竟陵合成生物有限公司|Tianmen Jingling Synthetic Biology Co., Ltd.|微生物发酵生产医药中间体与生物基材料|fermentation of pharmaceutical intermediates and bio-based materials
            31|420111|洪山区|量子科技|quantum technology|武汉楚天量子科技有限公司|Wuhan Chutian Quantum Technology Co., Ltd.|量子随机数发生器与量子密钥分发设备|quantum random number generators and QKD equipment
            32|421002|沙市区|节能环保|energy conservation and environmental protection|荆州长江节能环保有限公司|Jingzhou Changjiang Energy Saving and Environmental Co., Ltd.|工业余热回收与污水深度处理|industrial waste-heat recovery and advanced wastewater treatment
            """;

    // id | type | organization | region | name zh | name en | keywords | description zh | description en
    private static final String FACILITIES = """
            demo-fac-magnet|major_facility|demo-mf-magnet|洪山区|脉冲强磁场综合实验装置|Pulsed High Magnetic Field Facility|强磁场;脉冲磁体;凝聚态物理;量子材料|最高场强约90特斯拉的脉冲磁体群和多种测量站，对外开放共享。|pulsed magnets up to about 90 tesla with measurement stations, open to outside users.
            demo-fac-gravity|major_facility|demo-mf-gravity|洪山区|精密重力测量装置|Precision Gravity Measurement Facility|重力测量;原子干涉;引力常数;地球物理|包括超静山洞实验室、原子干涉绝对重力仪和重力梯度测量系统。|an ultra-quiet cave laboratory with atom-interferometer gravimeters and gravity-gradient systems.
            demo-fac-lightsource|major_facility|demo-mf-lightsource|江夏区|低能区同步辐射光源|Low-energy Synchrotron Light Source|同步辐射;软X射线;光束线;材料表征|电子储存环和首批软X射线光束线站。|an electron storage ring with a first set of soft X-ray beamlines.
            demo-fac-phenomics|major_facility|demo-mf-phenomics|洪山区|作物表型组学研究设施|Crop Phenomics Research Facility|作物表型;高通量;人工气候;育种|温室与大田表型平台、人工气候室群和表型数据中心。|greenhouse and field phenotyping platforms, climate chambers and a phenotype data centre.
            demo-fac-bioimaging|major_facility|demo-mf-bioimaging|洪山区|高端生物医学成像设施|Advanced Biomedical Imaging Facility|生物医学成像;磁共振;光学显微;冷冻电镜|覆盖光学、电子、磁共振和核医学成像的综合平台。|an integrated platform for optical, electron, magnetic-resonance and nuclear imaging.
            demo-fac-biosafety|major_facility|demo-mf-biosafety|江夏区|高等级生物安全实验设施|High-containment Biosafety Facility|生物安全;病原体;负压实验室;疫苗评价|四级生物安全防护实验室及配套动物实验平台。|a biosafety level 4 laboratory with animal experiment platforms.
            demo-fac-geotech|major_facility|demo-mf-geotech|武昌区|深部岩土工程扰动模拟设施|Deep Geotechnical Disturbance Simulation Facility|岩土力学;深部工程;真三轴;岩爆|大型真三轴加载系统和深部开挖扰动物理模拟平台。|large true-triaxial loading systems and a physical model of deep excavation.
            demo-fac-hydraulic|major_facility|demo-mf-hydraulic|夷陵区|长江流域水工模拟设施|Yangtze Basin Hydraulic Simulation Facility|水工模型;泥沙;水库调度;防洪|大比尺河工模型、泥沙试验水槽和水库调度仿真平台。|large-scale river models, sediment flumes and a reservoir-operation simulator.
            demo-ins-001|instrument|demo-hblab-optoelectronics|洪山区|电子束光刻系统|Electron-beam lithography system|电子束光刻;纳米加工;光子芯片|最小线宽约8纳米，用于光子集成芯片和微纳器件加工。|about 8 nm minimum line width, for photonic integrated circuits and micro-nano devices.
            demo-ins-002|instrument|demo-hblab-optoelectronics|洪山区|高速光通信误码测试系统|High-speed optical bit-error-rate test system|光通信;误码率;光模块;PAM4|支持单通道200G PAM4信号的发生与误码分析。|generates and analyses 200G-per-lane PAM4 signals.
            demo-ins-003|instrument|demo-hblab-optoelectronics|洪山区|光纤拉丝塔|Optical fibre drawing tower|特种光纤;光纤拉制;光纤激光|用于特种光纤和有源光纤的拉制与涂覆。|draws and coats special and active optical fibres.
            demo-ins-004|instrument|demo-natlab-optics|洪山区|飞秒激光微纳加工系统|Femtosecond laser micromachining system|飞秒激光;微纳加工;玻璃加工|飞秒激光直写三维微结构和透明材料内部加工。|direct writing of 3D microstructures and processing inside transparent materials.
            demo-ins-005|instrument|demo-natlab-optics|洪山区|太赫兹时域光谱系统|Terahertz time-domain spectroscopy system|太赫兹;光谱;6G通信;无损检测|0.1–4 THz 时域光谱测量，用于材料表征与太赫兹通信器件测试。|0.1–4 THz spectroscopy for materials and terahertz communication devices.
            demo-ins-006|instrument|demo-hblab-semiconductor|江夏区|金属有机化学气相沉积系统|MOCVD system|MOCVD;氮化镓;外延生长;化合物半导体|用于氮化镓、砷化镓等化合物半导体外延生长。|epitaxial growth of GaN, GaAs and other compound semiconductors.
            demo-ins-007|instrument|demo-hblab-semiconductor|江夏区|分子束外延系统|Molecular beam epitaxy system|分子束外延;量子阱;半导体激光器|超高真空外延生长量子阱和超晶格结构。|ultra-high-vacuum growth of quantum wells and superlattices.
            demo-ins-008|instrument|demo-hblab-semiconductor|江夏区|晶圆级探针测试台|Wafer-level probe station|晶圆测试;功率器件;碳化硅;可靠性|碳化硅功率器件晶圆级静态与动态参数测试。|static and dynamic wafer-level testing of SiC power devices.
            demo-ins-009|instrument|demo-hblab-materials|武昌区|球差校正扫描透射电子显微镜|Aberration-corrected scanning transmission electron microscope|球差校正;透射电镜;原子分辨;材料表征|原子尺度成像与能谱分析。|atomic-resolution imaging and spectroscopy.
            demo-ins-010|instrument|demo-hblab-materials|武昌区|高分辨X射线衍射仪|High-resolution X-ray diffractometer|X射线衍射;薄膜;晶体结构|薄膜与单晶的高分辨衍射、反射率和残余应力测量。|high-resolution diffraction, reflectivity and residual stress of films and crystals.
            demo-ins-011|instrument|demo-hblab-materials|武昌区|碳纤维复合材料热压罐|Autoclave for carbon-fibre composites|碳纤维;复合材料;热压罐;航空结构|直径3米热压罐，用于复合材料构件固化成型。|3 m diameter autoclave for curing composite parts.
            demo-ins-012|instrument|demo-rd-hs-metals|下陆区|真空感应熔炼炉|Vacuum induction melting furnace|真空熔炼;特种合金;高温合金|用于高温合金和特种钢的真空熔炼试制。|vacuum melting trials of superalloys and special steels.
            demo-ins-013|instrument|demo-hblab-bioagri|洪山区|高通量测序仪|High-throughput sequencer|基因组测序;高通量测序;育种;转录组|单次运行产出约6 Tb数据，服务作物基因组与转录组研究。|about 6 Tb per run for crop genome and transcriptome studies.
            demo-ins-014|instrument|demo-mf-phenomics|洪山区|植物表型成像平台|Plant phenotyping imaging platform|植物表型;高光谱成像;激光雷达;育种|可见光、高光谱、荧光和激光雷达多模态表型成像。|visible, hyperspectral, fluorescence and lidar phenotype imaging.
            demo-ins-015|instrument|demo-mf-phenomics|洪山区|步入式人工气候室|Walk-in climate chamber|人工气候;温湿度控制;作物栽培|温度、湿度、光照和二氧化碳浓度精确可控。|precisely controlled temperature, humidity, light and CO2.
            demo-ins-016|instrument|demo-hblab-biomed|江夏区|冷冻电子显微镜|Cryo-electron microscope|冷冻电镜;结构生物学;蛋白质结构;药物设计|300 kV冷冻电镜，用于生物大分子高分辨结构解析。|300 kV cryo-EM for high-resolution structures of macromolecules.
            demo-ins-017|instrument|demo-hblab-biomed|江夏区|液相色谱-高分辨质谱联用仪|LC high-resolution mass spectrometer|质谱;代谢组学;药物分析;蛋白组学|代谢组学、蛋白质组学与药物杂质分析。|metabolomics, proteomics and drug impurity analysis.
            demo-ins-018|instrument|demo-hblab-biomed|江夏区|流式细胞分选仪|Flow cytometry cell sorter|流式细胞;细胞分选;免疫学;细胞治疗|多激光多色流式分析与无菌细胞分选。|multi-laser, multi-colour analysis and sterile cell sorting.
            demo-ins-019|instrument|demo-mf-bioimaging|洪山区|7特斯拉人体磁共振成像系统|7 T human MRI system|磁共振成像;脑成像;超高场;功能磁共振|超高场人体磁共振，用于脑科学与临床研究。|ultra-high-field MRI for brain science and clinical research.
            demo-ins-020|instrument|demo-mf-bioimaging|洪山区|双光子显微镜|Two-photon microscope|双光子成像;活体成像;神经科学;脑机接口|活体深层组织神经活动成像。|in-vivo imaging of neural activity in deep tissue.
            demo-ins-021|instrument|demo-mf-bioimaging|洪山区|小动物PET-CT|Small-animal PET-CT|PET-CT;分子影像;药代动力学|小动物分子影像与新药药代评价。|molecular imaging of small animals and pharmacokinetics of new drugs.
            demo-ins-022|instrument|demo-mf-biosafety|江夏区|负压动物隔离饲养系统|Negative-pressure animal isolators|生物安全;动物实验;病原体;负压隔离|高等级生物安全条件下的感染动物实验。|infected-animal experiments under high containment.
            demo-ins-023|instrument|demo-mf-magnet|洪山区|60特斯拉脉冲磁体测量系统|60 T pulsed magnet measurement system|脉冲磁体;磁输运;量子振荡|强磁场下电输运、磁化和量子振荡测量。|transport, magnetisation and quantum-oscillation measurements in high fields.
            demo-ins-024|instrument|demo-rd-wh-quantum|洪山区|稀释制冷机|Dilution refrigerator|极低温;超导量子比特;量子计算|最低温度约10 mK，用于超导量子芯片测试。|base temperature about 10 mK for testing superconducting quantum chips.
            demo-ins-025|instrument|demo-mf-gravity|洪山区|原子干涉绝对重力仪|Atom-interferometer absolute gravimeter|绝对重力;原子干涉;精密测量|微伽级绝对重力测量。|absolute gravity measurement at the microgal level.
            demo-ins-026|instrument|demo-mf-gravity|洪山区|超导重力仪|Superconducting gravimeter|重力潮汐;超导重力仪;地球物理监测|长期连续重力潮汐与地球物理信号监测。|long-term continuous monitoring of gravity tides and geophysical signals.
            demo-ins-027|instrument|demo-mf-lightsource|江夏区|软X射线谱学光束线站|Soft X-ray spectroscopy beamline|软X射线;吸收谱;光电子能谱;表面科学|X射线吸收谱与光电子能谱测量。|X-ray absorption and photoelectron spectroscopy.
            demo-ins-028|instrument|demo-mf-lightsource|江夏区|X射线成像光束线站|X-ray imaging beamline|X射线成像;相衬成像;CT;无损检测|相衬成像与显微CT。|phase-contrast imaging and micro-CT.
            demo-ins-029|instrument|demo-mf-geotech|武昌区|岩石真三轴试验系统|Rock true-triaxial testing system|真三轴;岩石力学;岩爆;深部工程|三向独立加载的岩石力学试验。|rock mechanics tests with three independent loads.
            demo-ins-030|instrument|demo-mf-geotech|武昌区|土工离心机|Geotechnical centrifuge|土工离心机;边坡;地基;模型试验|400 g·t 土工离心模型试验。|400 g·t centrifuge model tests.
            demo-ins-031|instrument|demo-mf-hydraulic|夷陵区|泥沙试验水槽|Sediment transport flume|泥沙;水槽;河床演变;水动力|长80米变坡水槽，开展泥沙输移与河床演变试验。|an 80 m tilting flume for sediment transport and bed evolution.
            demo-ins-032|instrument|demo-hblab-aerospace|武昌区|低速风洞|Low-speed wind tunnel|风洞;气动力;无人机;航空|开口试验段，风速0–60 m/s。|open test section, 0–60 m/s.
            demo-ins-033|instrument|demo-hblab-aerospace|武昌区|热真空试验系统|Thermal vacuum test system|热真空;卫星;空间环境;可靠性|小卫星和星载设备的空间热真空环境试验。|thermal vacuum tests of small satellites and payloads.
            demo-ins-034|instrument|demo-hblab-hydrogen|东西湖区|燃料电池测试台|Fuel-cell test bench|燃料电池;电堆;耐久性;氢能|150 kW级燃料电池电堆性能与耐久性测试。|performance and durability tests of fuel-cell stacks up to 150 kW.
            demo-ins-035|instrument|demo-hblab-hydrogen|东西湖区|电池安全测试系统|Battery abuse test system|电池安全;热失控;针刺;挤压|针刺、挤压、过充和热失控试验。|nail penetration, crush, overcharge and thermal runaway tests.
            demo-ins-036|instrument|demo-hblab-vehicles|襄州区|整车转鼓试验台|Chassis dynamometer|转鼓试验;排放;能耗;新能源汽车|整车能耗、续航和排放测试。|vehicle energy use, range and emissions tests.
            demo-ins-037|instrument|demo-hblab-vehicles|襄州区|电磁兼容测试暗室|EMC anechoic chamber|电磁兼容;暗室;汽车电子;整车测试|10米法整车及零部件电磁兼容测试。|10 m vehicle and component EMC tests.
            demo-ins-038|instrument|demo-rd-wh-manufacturing|东西湖区|五轴联动加工中心|Five-axis machining centre|五轴加工;精密制造;航空零件|复杂曲面零件的五轴精密加工。|five-axis machining of complex surfaces.
            demo-ins-039|instrument|demo-rd-xy-auto|襄州区|工业CT检测系统|Industrial CT system|工业CT;无损检测;铸件;缺陷检测|大型铸件与电池包内部缺陷检测。|internal defect inspection of large castings and battery packs.
            demo-ins-040|instrument|demo-hblab-greenchem|猇亭区|气相色谱-质谱联用仪|GC-MS|气相色谱;质谱;化工分析;杂质|化工产品与电子化学品痕量杂质分析。|trace impurity analysis of chemicals and electronic chemicals.
            demo-ins-041|instrument|demo-hblab-tcm|蕲春县|超高效液相色谱仪|UHPLC system|液相色谱;中药指纹图谱;质量控制|中药指纹图谱与有效成分含量测定。|fingerprints and active-ingredient assays of Chinese medicines.
            demo-ins-042|instrument|demo-hblab-greenchem|猇亭区|电化学工作站|Electrochemical workstation|电化学;电池材料;腐蚀;电催化|电池材料、腐蚀和电催化研究。|battery materials, corrosion and electrocatalysis.
            """;

    // id | organization | title | name zh | name en | disciplines | keywords | research interests in English
    private static final String PEOPLE = """
            demo-person-chen-qiming|demo-hblab-optoelectronics|研究员|陈启明|Chen Qiming|光学工程;电子科学与技术|硅光集成;光模块;光电共封装|silicon photonics, optical modules and co-packaged optics
            demo-person-wang-lixin|demo-natlab-optics|研究员|王立新|Wang Lixin|光学工程|飞秒激光;光纤激光器;激光加工|femtosecond lasers, fibre lasers and laser processing
            demo-person-zhao-yaqin|demo-hblab-materials|教授|赵雅琴|Zhao Yaqin|材料科学与工程|碳纤维;复合材料;轻量化|carbon fibre, composites and lightweighting
            demo-person-sun-haibo|demo-hblab-semiconductor|研究员|孙海波|Sun Haibo|电子科学与技术|碳化硅;功率器件;外延生长|silicon carbide, power devices and epitaxy
            demo-person-zhou-wenbo|demo-hblab-bioagri|教授|周文博|Zhou Wenbo|作物学;生物学/生物科学与工程|基因组育种;作物表型;水稻|genomic breeding, crop phenotyping and rice
            demo-person-wu-jingyi|demo-hblab-biomed|研究员|吴静怡|Wu Jingyi|药学;基础医学/临床医学|抗体药物;冷冻电镜;药物靶点|antibody drugs, cryo-EM and drug targets
            demo-person-zheng-guohua|demo-hblab-hydrogen|教授|郑国华|Zheng Guohua|化学/化学工程与技术;动力工程及工程热物理|电解水制氢;燃料电池;电池安全|water electrolysis, fuel cells and battery safety
            demo-person-huang-siyuan|demo-hblab-vehicles|研究员|黄思远|Huang Siyuan|控制科学与工程;交通运输工程|自动驾驶;线控底盘;车路协同|automated driving, drive-by-wire chassis and vehicle-road cooperation
            demo-person-lin-xiaofeng|demo-hblab-aerospace|教授|林晓峰|Lin Xiaofeng|测绘科学与技术;航空宇航科学与技术|遥感卫星;北斗导航;时空大数据|remote-sensing satellites, BeiDou navigation and spatio-temporal data
            demo-person-he-jianing|demo-hblab-greenchem|研究员|何佳宁|He Jianing|化学/化学工程与技术|磷化工;电子化学品;磷石膏|phosphorus chemicals, electronic chemicals and phosphogypsum
            demo-person-ma-jun|demo-mf-magnet|研究员|马骏|Ma Jun|物理学|强磁场;量子材料;磁输运|high magnetic fields, quantum materials and magnetotransport
            demo-person-yang-liu|demo-hblab-tcm|教授|杨柳|Yang Liu|中医学/中药学|道地药材;中药质量控制;指纹图谱|authentic medicinal herbs, quality control of Chinese medicines and fingerprinting
            """;

    // id | type | year | discipline | people | organizations | keywords | title zh | title en | abstract zh | abstract en
    private static final String OUTPUTS = """
            demo-output-01|patent|2023|光学工程|demo-person-chen-qiming|demo-hblab-optoelectronics;demo-ent-01|硅光;光电共封装;光模块|一种硅光芯片与激光器的光电共封装结构|A co-packaged structure of silicon photonics chip and laser|提出一种将激光器与硅光调制芯片共封装的结构，降低耦合损耗，用于800G光模块。|a structure co-packaging a laser with a silicon photonics modulator chip to cut coupling loss in 800G optical modules.
            demo-output-02|achievement|2022|光学工程|demo-person-wang-lixin|demo-natlab-optics;demo-ent-04|光纤激光器;激光焊接;高功率|万瓦级光纤激光器国产化核心器件|Domestic core components for 10 kW fibre lasers|研制泵浦合束器和有源光纤等核心器件，实现万瓦级光纤激光器整机国产化。|pump combiners and active fibres for fully domestic 10 kW fibre lasers.
            demo-output-03|achievement|2023|材料科学与工程|demo-person-zhao-yaqin|demo-hblab-materials;demo-ent-07|碳纤维;一体化压铸;汽车轻量化|汽车底盘碳纤维复合材料与铝合金混合结构|Hybrid carbon-fibre and aluminium chassis structures|开发碳纤维复合材料与一体化压铸铝件的连接工艺，底盘减重约20%。|joining carbon-fibre composites with integrated aluminium castings, cutting chassis weight by about 20%.
            demo-output-04|patent|2022|电子科学与技术|demo-person-sun-haibo|demo-hblab-semiconductor;demo-ent-05|碳化硅;MOSFET;车规级|一种车规级碳化硅MOSFET器件及其制备方法|An automotive-grade SiC MOSFET and its fabrication|通过栅氧界面钝化提高碳化硅MOSFET阈值电压稳定性，满足车规级可靠性要求。|gate-oxide interface passivation stabilises the threshold voltage of SiC MOSFETs to automotive reliability levels.
            demo-output-05|achievement|2024|作物学|demo-person-zhou-wenbo|demo-hblab-bioagri;demo-mf-phenomics|水稻;表型组学;基因组选择|基于高通量表型的水稻耐热品种选育|Breeding heat-tolerant rice with high-throughput phenotyping|结合表型设施的全生育期数据与基因组选择，育成耐高温水稻新品系。|whole-cycle phenotype data and genomic selection give new heat-tolerant rice lines.
            demo-output-06|project|2023|药学|demo-person-wu-jingyi|demo-hblab-biomed;demo-ent-21|抗体药物;冷冻电镜;肿瘤免疫|基于冷冻电镜结构的新型肿瘤免疫抗体药物研发|Cryo-EM-guided antibody drugs for tumour immunity|利用冷冻电镜解析靶点结构，设计双特异性抗体候选药物。|cryo-EM target structures guide the design of bispecific antibody candidates.
            demo-output-07|patent|2024|化学/化学工程与技术|demo-person-zheng-guohua|demo-hblab-hydrogen;demo-ent-29|PEM电解;催化剂;制氢|一种低铱载量质子交换膜电解槽膜电极|A low-iridium membrane electrode for PEM electrolysers|降低阳极铱载量至0.2 mg/cm²，保持电解效率和寿命。|anode iridium loading cut to 0.2 mg/cm² while keeping efficiency and life.
            demo-output-08|achievement|2023|控制科学与工程|demo-person-huang-siyuan|demo-hblab-vehicles;demo-ent-05;demo-ent-08|线控底盘;自动驾驶;商用车|商用车线控底盘与L4级自动驾驶示范应用|Drive-by-wire chassis and level-4 automated driving for commercial vehicles|完成线控转向与线控制动系统开发，在物流园区开展自动驾驶示范。|drive-by-wire steering and braking with an automated-driving trial in a logistics park.
            demo-output-09|software|2022|测绘科学与技术|demo-person-lin-xiaofeng|demo-hblab-aerospace;demo-ent-25|北斗;高精度定位;时空数据|北斗高精度时空数据服务平台|BeiDou high-precision spatio-temporal data platform|提供厘米级实时定位与时空数据融合服务。|centimetre-level real-time positioning and spatio-temporal data fusion.
            demo-output-10|patent|2023|化学/化学工程与技术|demo-person-he-jianing|demo-hblab-greenchem;demo-ent-13|电子级磷酸;提纯;湿法磷酸|一种湿法磷酸制备电子级磷酸的提纯方法|Purifying wet-process phosphoric acid to electronic grade|溶剂萃取与结晶耦合，金属杂质降至10 ppb以下。|solvent extraction coupled with crystallisation brings metal impurities below 10 ppb.
            demo-output-11|achievement|2024|物理学|demo-person-ma-jun|demo-mf-magnet;demo-natlab-optics|强磁场;拓扑材料;量子振荡|强磁场下拓扑半金属的量子振荡研究|Quantum oscillations of topological semimetals in high magnetic fields|在脉冲强磁场中观测到拓扑半金属的新型量子振荡现象。|new quantum oscillations of topological semimetals observed in pulsed high fields.
            demo-output-12|standard|2024|中医学/中药学|demo-person-yang-liu|demo-hblab-tcm;demo-ent-19|中药材;质量标准;指纹图谱|道地药材蕲艾质量评价团体标准|Group standard for the quality of Qi'ai (Artemisia argyi)|规定蕲艾的性状、指纹图谱和有效成分含量要求。|sets appearance, fingerprint and active-ingredient requirements for Qi'ai.
            """;


    // Demands: the platform has no public source of enterprises' technology demands.
    // id | enterprise serial | industry | region | keywords | title zh (empty: posted in English) | title en | description zh | description en
    private static final String DEMANDS = """
            demo-demand-01|1|ind-optoelectronics|洪山区|硅光;光电共封装;800G光模块|800G硅光模块的光电共封装工艺|Co-packaged optics for 800G silicon photonics modules|现有800G光模块激光器与硅光芯片耦合损耗偏高、良率不足，寻求光电共封装结构设计与自动化耦合工艺的合作团队。|Coupling loss between lasers and silicon photonics chips in our 800G modules is too high and yield too low; we seek a partner for co-packaged structures and automated coupling.
            demo-demand-02|2|ind-optoelectronics|洪山区|三维闪存;刻蚀;高深宽比|三维闪存高深宽比沟道刻蚀工艺优化|High-aspect-ratio channel etching for 3D NAND|200层以上三维闪存沟道刻蚀出现弯曲和底部残留，需要等离子体刻蚀机理与工艺仿真方面的专家。|Channel holes in 3D NAND above 200 layers bow and leave residues at the bottom; we need experts in plasma etching mechanisms and process simulation.
            demo-demand-03|4|ind-equipment|江夏区|光纤激光器;激光焊接;铝合金|万瓦级光纤激光器铝合金焊接气孔控制|Porosity control in 10 kW fibre-laser welding of aluminium|新能源汽车电池托盘铝合金激光焊接气孔率高，寻求光束摆动、熔池监测与工艺参数优化方面的合作。|Laser welds of aluminium battery trays show high porosity; we seek help with beam wobbling, melt-pool monitoring and process optimisation.
            demo-demand-04|5|ind-nev|蔡甸区|自动驾驶;多传感器融合;感知|城市道路自动驾驶多传感器融合感知|Multi-sensor fusion perception for urban automated driving|需要激光雷达、毫米波雷达与摄像头的时空同步和融合感知算法，提升雨雾天气下的目标检测能力。|We need spatio-temporal synchronisation and fusion of lidar, radar and cameras to detect objects reliably in rain and fog.
            demo-demand-05|6|ind-nev|汉南区|钠离子电池;正极材料;储能|钠离子电池层状氧化物正极的量产|Mass production of layered-oxide cathodes for sodium-ion batteries|层状氧化物正极材料空气稳定性差、循环衰减快，寻求材料掺杂包覆改性与中试放大的合作团队。|Our layered-oxide cathodes are unstable in air and fade quickly; we seek a team for doping, coating and pilot-scale production.
            demo-demand-06|7|ind-auto|襄州区|一体化压铸;铝合金;轻量化|汽车一体化压铸件的免热处理铝合金|Heat-treatment-free aluminium alloys for integrated die castings|大型一体化压铸后底板需要高强韧免热处理铝合金配方及模具热平衡设计。|Large integrated die-cast rear floors need a strong, tough heat-treatment-free alloy and thermal balance design of the dies.
            demo-demand-07|10|ind-steel|青山区|特种钢;氢冶金;低碳|特种钢冶炼的氢基直接还原工艺|Hydrogen-based direct reduction for special steels|为降低碳排放，计划建设氢基竖炉直接还原示范线，寻求反应动力学与工艺装备方面的研究力量。|To cut emissions we plan a hydrogen shaft-furnace direct-reduction line and seek expertise in reaction kinetics and equipment.
            demo-demand-08|13|ind-petrochem|猇亭区|电子级磷酸;湿法磷酸;提纯|湿法磷酸提纯制备电子级磷酸|Electronic-grade phosphoric acid from wet-process acid|需要将湿法磷酸中的金属杂质降至10 ppb以下，寻求溶剂萃取、结晶与痕量分析的合作。|Metal impurities in wet-process phosphoric acid must fall below 10 ppb; we seek partners in solvent extraction, crystallisation and trace analysis.
            demo-demand-09|16|ind-textile|仙桃市|熔喷;非织造;医用防护|医用防护熔喷材料的驻极与过滤效率|Electret charging and filtration of melt-blown medical materials|熔喷布驻极后过滤效率衰减快，需要驻极工艺、电荷稳定性与检测方法方面的专家。|Filtration efficiency of our melt-blown fabric decays after charging; we need experts on electret processes, charge stability and testing.
            demo-demand-10|19|ind-food|恩施市|富硒茶;功能成分;加工工艺|富硒茶功能成分保留的加工工艺|Processing that keeps the functional compounds of selenium-rich tea|希望优化杀青与干燥工艺，提高富硒茶中有机硒和茶多酚的保留率，并建立检测方法。|We want drying and fixing processes that keep more organic selenium and polyphenols in selenium-rich tea, with methods to measure them.
            demo-demand-11|20|ind-building|黄州区|磷石膏;固废利用;低碳建材|磷石膏制备低碳建材的规模化利用|Large-scale use of phosphogypsum in low-carbon building materials|磷石膏杂质影响建材强度和耐久性，寻求预处理、改性与制品配方的合作团队。|Impurities in phosphogypsum weaken building products; we seek a team for pretreatment, modification and product formulation.
            demo-demand-12|22|ind-biomed|江夏区|抗体药物;细胞培养;工艺放大|双特异性抗体的细胞培养工艺放大|Scale-up of cell culture for bispecific antibodies|双特异性抗体在2000升反应器中表达量下降，需要培养基优化与过程分析技术方面的专家。|Expression of our bispecific antibody drops in a 2,000 L bioreactor; we need experts in media optimisation and process analytical technology.
            demo-demand-13|23|ind-biomed|汉阳区|医学影像;深度学习;CT重建|低剂量CT的深度学习图像重建|Deep-learning reconstruction for low-dose CT|在降低辐射剂量的同时保持CT图像质量，寻求深度学习重建算法及临床评价的合作。|We want CT images that keep their quality at a lower dose, and seek partners for deep-learning reconstruction and clinical evaluation.
            demo-demand-14|25|ind-aerospace|武昌区|北斗;高精度定位;城市峡谷|城市峡谷环境下的北斗高精度定位|BeiDou high-precision positioning in urban canyons|高楼遮挡导致多路径误差大，需要北斗与惯导、视觉融合的高精度定位算法。|Tall buildings cause large multipath errors; we need high-precision positioning that fuses BeiDou with inertial and visual sensors.
            demo-demand-15|26|ind-digital|江汉区|工业软件;数字孪生;产线仿真|离散制造产线的数字孪生建模|Digital-twin modelling of discrete manufacturing lines|需要产线设备机理模型与实时数据融合的数字孪生建模方法，用于排产优化。|We need digital-twin models of production lines that merge equipment physics with live data, for scheduling.
            demo-demand-16|29|ind-hydrogen|咸安区|PEM电解;膜电极;低铱|质子交换膜电解槽的低铱膜电极|Low-iridium membrane electrodes for PEM electrolysers|降低电解槽阳极贵金属用量同时保证寿命，寻求催化剂与膜电极制备方面的研究团队。|We must cut precious metal in the anode of our PEM electrolysers without losing life, and seek a team for catalysts and membrane electrodes.
            demo-demand-17|28|ind-ai|洪山区|Large language model;industrial knowledge;retrieval||Industrial knowledge assistant built on a domain large language model|我们希望构建面向设备维修的行业大模型问答系统，结合知识图谱与检索增强生成。|We want a question-answering assistant for equipment maintenance, built on a domain large language model with a knowledge graph and retrieval-augmented generation.
            demo-demand-18|31|ind-quantum|洪山区|quantum sensing;NV centre;magnetometry||Diamond NV-centre magnetometers for non-destructive testing|需要基于金刚石NV色心的高灵敏度磁测量探头，用于电池和芯片的无损检测。|We need sensitive diamond NV-centre magnetometer probes for non-destructive testing of batteries and chips.
            """;

    List<Record> records() {
        List<Record> records = new ArrayList<>();
        rows(ORGANIZATIONS).forEach(r -> records.add(Record.organization(r[0])
                .put("type", r[1])
                .text("name", r[5] + "（示例）", r[6] + " (illustrative)")
                .put("parent", r[2])
                .put("region", r[3])
                .text("description", MARK + " " + r[7], MARK + " " + r[8])
                .put("established", Integer.valueOf(r[4]))));
        rows(ENTERPRISES).forEach(r -> records.add(enterprise(r)));
        rows(PEOPLE).forEach(r -> records.add(Record.person(r[0])
                .text("name", r[3] + "（示例）", r[4] + " (illustrative)")
                .put("organization", r[1])
                .put("title", r[2])
                .list("disciplines", split(r[5]))
                .list("keywords", split(r[6]))
                .text("description", MARK + " 虚构的研究人员，研究方向：" + r[6].replace(';', '、') + "。",
                        MARK + " a fictitious researcher; research interests: " + r[7] + ".")));
        rows(OUTPUTS).forEach(r -> records.add(Record.output(r[0])
                .put("type", r[1])
                .text("title", r[7] + "（示例）", r[8] + " (illustrative)")
                .text("abstract", MARK + " " + r[9], MARK + " " + r[10])
                .list("keywords", split(r[6]))
                .put("year", Integer.valueOf(r[2]))
                .put("discipline", r[3])
                .list("people", split(r[4]))
                .list("organizations", split(r[5]))));
        rows(FACILITIES).forEach(r -> records.add(Record.facility(r[0])
                .put("type", r[1])
                .text("name", r[4] + "（示例）", r[5] + " (illustrative)")
                .put("organization", r[2])
                .text("description", MARK + " " + r[7], MARK + " " + r[8])
                .list("keywords", split(r[6]))
                .put("region", r[3])));
        rows(DEMANDS).forEach(r -> records.add(Record.demand(r[0])
                .text("title", r[5].isEmpty() ? null : r[5] + "（示例）", r[6] + " (illustrative)")
                .text("description", MARK + " " + r[7], MARK + " " + r[8])
                .list("keywords", split(r[4]))
                .put("organization", "demo-ent-%02d".formatted(Integer.parseInt(r[1])))
                .put("industry", r[2])
                .put("region", r[3])));
        return records;
    }

    private static Record enterprise(String[] r) {
        int serial = Integer.parseInt(r[0]);
        return Record.organization("demo-ent-%02d".formatted(serial))
                .put("type", "enterprise")
                .text("name", r[5] + "（示例）", r[6] + " (illustrative)")
                .put("region", r[2])
                .put("uscc", UsccCode.illustrative(r[1], serial))
                .text("description", MARK + " 虚构企业，所属产业：" + r[3] + "；主营" + r[7] + "。",
                        MARK + " a fictitious enterprise in " + r[4] + "; " + r[8] + ".");
    }

    private static List<String[]> rows(String table) {
        return table.lines().filter(line -> !line.isBlank()).map(line -> line.split("\\|", -1)).toList();
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
