package cn.changning.governance.common.personaldata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskTest {

    @Test
    void eachKindShowsEnoughToRecogniseNotToUse() {
        assertThat(PersonalDataMask.NAME.apply("张三丰")).isEqualTo("张**");
        assertThat(PersonalDataMask.NAME.apply("李四")).isEqualTo("李*");
        assertThat(PersonalDataMask.NAME.apply("王")).isEqualTo("*");
        assertThat(PersonalDataMask.PHONE.apply("13812345678")).isEqualTo("138****5678");
        assertThat(PersonalDataMask.PHONE.apply("110")).isEqualTo("***");
        assertThat(PersonalDataMask.IDENTITY_NUMBER.apply("310105198001011234")).isEqualTo("310105********1234");
        assertThat(PersonalDataMask.ADDRESS.apply("上海市长宁区江苏路街道华山路100号")).isEqualTo("上海市长宁区***");
        assertThat(PersonalDataMask.ADDRESS.apply("江苏路")).isEqualTo("江***");
        assertThat(PersonalDataMask.EMAIL.apply("zhang@example.cn")).isEqualTo("z***@example.cn");
        assertThat(PersonalDataMask.TEXT.apply("微信 zhang_san")).isEqualTo("微***");
        assertThat(PersonalDataMask.NAME.apply(null)).isNull();
    }
}
