package org.triplehelix.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog's small lexical ranking: a need described in a Chinese sentence finds its instrument. */
class TextMatchTests {

    @Test
    void termsAreHanBigramsAndWords() {
        assertThat(TextMatch.terms("碳化硅 SiC-MOSFET 测试, 200G")).containsExactly("碳化", "化硅", "sic", "mosfet", "测试", "200g");
        assertThat(TextMatch.terms("硅")).containsExactly("硅");
    }

    @Test
    void aChineseSentenceRanksTheInstrumentThatCanDoIt() {
        List<String> names = List.of("晶圆级探针测试台", "高分辨X射线衍射仪", "冷冻电子显微镜");
        List<String> texts = List.of(
                "晶圆级探针测试台 碳化硅功率器件晶圆级静态与动态参数测试",
                "高分辨X射线衍射仪 薄膜与单晶的高分辨衍射、反射率和残余应力测量",
                "冷冻电子显微镜 300 kV冷冻电镜，用于生物大分子高分辨结构解析");
        double[] scores = new TextMatch(names, texts).scores("我们需要测量碳化硅晶圆的动态参数");
        assertThat(scores[0]).isGreaterThan(scores[1]).isGreaterThan(0);
        assertThat(scores[2]).isZero();
        double[] thinFilm = new TextMatch(names, texts).scores("薄膜残余应力");
        assertThat(thinFilm[1]).isGreaterThan(thinFilm[0]);
    }
}
