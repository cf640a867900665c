/**
 * Reverse (反向) indicators: rates of something bad and time limits, where a
 * bare target number reads as "at most" (SPEC §2).
 */
import { compactText } from "./normalize";

/** Rates and counts of something bad, costs and time limits. */
const REVERSE_NAME: RegExp[] = [
  /(投诉|差错|出错|错误|失误|事故|发生|返工|结余|结转结余|超支|不合格|退件|退回|纠错|逾期|超期|超时|延误|故障|损失|流失|空置|闲置|死亡|发病|违约|差评|误差|偏差|拒付|漏报|误报|复发|违规|违纪|违法)率/,
  /诉讼.*(比重|占比|比例|率)/,
  /(投诉|差错|事故|失误|超支|违规|违纪|返工|逾期|超期|延误|故障)(数|量|件数|次数|起数|人数|金额|发生数)/,
  /(事故|超支|返工|失误|差错)/,
  /(时限|时长|用时|耗时|时效|等候时间|等待时间|办理时间|办结时间|审批时间|响应时间|到达时间|处置时间|周期)/,
  /工作日/,
  /(单位|人均|平均|综合)?成本$/,
];

/** Any of REVERSE_NAME, as one expression: this runs on every row's indicator. */
const REVERSE_NAME_ANY = new RegExp(REVERSE_NAME.map((re) => `(?:${re.source})`).join("|"));

/** Rates of something done about a bad thing are positive: 投诉处理率, 事故处置率, 差错整改率. */
const POSITIVE_RATE =
  /(处理|处置|办结|回复|答复|整改|解决|受理|响应|结案|查处|化解|满意|完成|合格|达标|及时|覆盖|到位|执行|利用|知晓|准确|正确|按时|按期|压缩|缩短|提速|减少|降低|下降)(率|度|比例)$/;

/** 确保无…事故, 杜绝…差错: said as a positive statement. */
const NEGATED = /(无|杜绝|零|未发生|不发生|避免)/;

/**
 * 投诉率, 差错率, 事故, 超支, 结余率, 诉讼…比重, 时限, …个工作日: a bare target
 * number reads as "at most". The target text counts too (≤7个工作日, 3个工作日内).
 */
export function isReverseIndicator(indicator: string, target = ""): boolean {
  const name = compactText(indicator ?? "");
  const t = compactText(target ?? "");
  if (/(工作日|时限)/.test(t)) return true;
  if (!name) return false;
  if (POSITIVE_RATE.test(name)) return false;
  if (!REVERSE_NAME_ANY.test(name)) return false;
  // 确保无重大安全事故 with a target of 100 % is a positive rate; with 0 起 it is a count to stay under.
  if (NEGATED.test(name) && /%/.test(t)) return false;
  return true;
}
