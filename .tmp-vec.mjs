// bench/generate.ts
import { josa } from "es-hangul";
function seededRng(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}
function int(r, lo, hi) {
  return lo + Math.floor(r() * (hi - lo + 1));
}
function shuffle(r, list) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const tmp = list[i];
    list[i] = list[j];
    list[j] = tmp;
  }
  return list;
}
function commas(n) {
  const s = String(n);
  let out = "";
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ",";
    out += s[i];
  }
  return out;
}
var act = (...nouns) => nouns.map((noun) => ({ noun }));
var DOMAINS = [
  {
    key: "ai",
    label: "AI",
    companies: ["\uC0C8\uC194\uB7A9\uC2A4", "\uB204\uB9AC\uC18C\uD504\uD2B8", "\uAC00\uC628\uC778\uD154\uB9AC\uC804\uC2A4", "\uB2E4\uC628\uB370\uC774\uD130", "\uD55C\uC6B8\uD074\uB77C\uC6B0\uB4DC", "\uBBF8\uB9AC\uB0B4\uC2DC\uC2A4\uD15C\uC988", "\uC774\uC74C\uC5F0\uAD6C\uC18C"],
    products: ["\uAC70\uB300\uC5B8\uC5B4\uBAA8\uB378", "AI \uC5D0\uC774\uC804\uD2B8", "\uAE30\uC5C5\uC6A9 AI \uBE44\uC11C", "\uCD94\uB860 \uBAA8\uB378", "\uBA40\uD2F0\uBAA8\uB2EC \uBAA8\uB378", "AI \uAC80\uC0C9 \uC11C\uBE44\uC2A4", "\uBC88\uC5ED \uC5D4\uC9C4"],
    actions: act("\uACF5\uAC1C", "\uCD9C\uC2DC", "\uB3C4\uC785", "\uACE0\uB3C4\uD654"),
    named: true,
    specs: [
      (s) => `${s.product}\uC758 \uB9E4\uAC1C\uBCC0\uC218\uB294 ${s.n1 * 10}\uC5B5 \uAC1C\uB85C, \uC774\uC804 \uBAA8\uB378\uBCF4\uB2E4 \uD06C\uAE30\uB97C \uC904\uC774\uBA74\uC11C\uB3C4 \uC131\uB2A5\uC740 ${s.mult} \uB192\uC600\uB2E4.`,
      (s) => `\uD55C\uAD6D\uC5B4 \uCD94\uB860 \uD3C9\uAC00\uC5D0\uC11C ${s.n1 + 40}.${s.n2 % 10}\uC810\uC744 \uBC1B\uC544 \uACF5\uAC1C \uBAA8\uB378 \uAC00\uC6B4\uB370 \uAC00\uC7A5 \uB192\uC740 \uC810\uC218\uB97C \uAE30\uB85D\uD588\uB2E4.`,
      (s) => `\uC751\uB2F5 \uC18D\uB3C4\uB294 \uAE30\uC874 \uB300\uBE44 ${s.pct} \uBE68\uB77C\uC84C\uACE0, \uD55C \uBC88\uC5D0 \uCC98\uB9AC\uD558\uB294 \uBB38\uC11C \uAE38\uC774\uB294 ${s.mult} \uB298\uC5C8\uB2E4.`
    ],
    background: [
      "\uC0DD\uC131\uD615 AI \uACBD\uC7C1\uC774 \uBAA8\uB378 \uC131\uB2A5\uC5D0\uC11C \uC11C\uBE44\uC2A4\uC640 \uBE44\uC6A9 \uD6A8\uC728\uB85C \uC62E\uACA8 \uAC00\uACE0 \uC788\uB2E4.",
      "\uAD6D\uB0B4 \uAE30\uC5C5\uB4E4\uC740 \uD574\uC678 \uBAA8\uB378 \uC758\uC874\uB3C4\uB97C \uB0AE\uCD94\uAE30 \uC704\uD574 \uC790\uCCB4 \uBAA8\uB378 \uAC1C\uBC1C\uC5D0 \uC18D\uB3C4\uB97C \uB0B4\uACE0 \uC788\uB2E4.",
      "GPU \uD655\uBCF4 \uBE44\uC6A9\uC774 \uCE58\uC19F\uC73C\uBA74\uC11C \uC791\uC740 \uBAA8\uB378\uB85C \uBE44\uC2B7\uD55C \uC131\uB2A5\uC744 \uB0B4\uB294 \uAE30\uC220\uC774 \uC8FC\uBAA9\uBC1B\uACE0 \uC788\uB2E4.",
      "\uC815\uBD80\uB3C4 \uB3C5\uC790 AI \uD30C\uC6B4\uB370\uC774\uC158 \uBAA8\uB378 \uC0AC\uC5C5\uC744 \uD1B5\uD574 \uAD6D\uB0B4 \uBAA8\uB378 \uAC1C\uBC1C\uC744 \uC9C0\uC6D0\uD558\uACE0 \uC788\uB2E4."
    ],
    quotes: [
      "\uC791\uC740 \uBAA8\uB378\uB85C\uB3C4 \uCDA9\uBD84\uD788 \uAE4A\uAC8C \uC0DD\uAC01\uD560 \uC218 \uC788\uB2E4\uB294 \uC810\uC744 \uBCF4\uC5EC\uC8FC\uACE0 \uC2F6\uC5C8\uB2E4",
      "\uACE0\uAC1D\uC774 \uBE44\uC6A9 \uAC71\uC815 \uC5C6\uC774 AI\uB97C \uC4F0\uAC8C \uD558\uB294 \uAC83\uC774 \uBAA9\uD45C\uB2E4",
      "\uD55C\uAD6D\uC5B4\uB97C \uAC00\uC7A5 \uC798 \uC774\uD574\uD558\uB294 \uBAA8\uB378\uC774\uB77C\uACE0 \uC790\uC2E0\uD55C\uB2E4"
    ],
    personTitles: ["\uB300\uD45C", "\uC5F0\uAD6C\uC18C\uC7A5", "\uCD5C\uACE0\uAE30\uC220\uCC45\uC784\uC790", "AI \uC0AC\uC5C5\uBD80\uC7A5"],
    amountWord: "\uD22C\uC790 \uADDC\uBAA8",
    amountRange: [5, 500],
    dollars: true,
    business: true
  },
  {
    key: "semiconductors",
    label: "\uBC18\uB3C4\uCCB4",
    companies: ["\uD55C\uBE5B\uBC18\uB3C4\uCCB4", "\uB204\uB9AC\uC804\uC790", "\uC138\uC6C0\uCE69\uC2A4", "\uAC00\uB78C\uBA54\uBAA8\uB9AC", "\uB2E4\uC19C\uC138\uBBF8\uCF58", "\uCCAD\uC6B4\uBA38\uD2F0\uB9AC\uC5BC\uC988"],
    products: ["\uACE0\uB300\uC5ED\uD3ED\uBA54\uBAA8\uB9AC", "2\uB098\uB178 \uD30C\uC6B4\uB4DC\uB9AC \uACF5\uC815", "AI \uAC00\uC18D\uAE30", "\uCC28\uC138\uB300 D\uB7A8", "\uACE0\uC6A9\uB7C9 \uB0B8\uB4DC\uD50C\uB798\uC2DC", "\uCCA8\uB2E8 \uD328\uD0A4\uC9D5 \uB77C\uC778"],
    actions: act("\uC591\uC0B0", "\uAC1C\uBC1C", "\uC99D\uC124", "\uACF5\uAE09"),
    named: true,
    specs: [
      (s) => `\uB370\uC774\uD130 \uCC98\uB9AC \uC18D\uB3C4\uB294 \uCD08\uB2F9 ${s.n1 % 4 + 1}.${s.n2 % 10}TB\uB85C, \uC774\uC804 \uC138\uB300\uC758 ${s.mult}\uC5D0 \uC774\uB978\uB2E4.`,
      (s) => `\uC804\uB825 \uD6A8\uC728\uC740 \uC774\uC804 \uC81C\uD488\uBCF4\uB2E4 ${s.pct} \uC88B\uC544\uC84C\uACE0, \uC218\uC728\uC740 ${55 + s.n1 % 30}% \uC218\uC900\uC73C\uB85C \uC54C\uB824\uC84C\uB2E4.`,
      (s) => `\uC5C5\uACC4\uC5D0\uC11C\uB294 \uB0B4\uB144 \uAD00\uB828 \uCD9C\uD558\uB7C9\uC774 \uC62C\uD574\uC758 ${s.mult} \uC218\uC900\uC73C\uB85C \uB298\uC5B4\uB0A0 \uAC83\uC73C\uB85C \uBCF8\uB2E4.`
    ],
    background: [
      "AI \uC11C\uBC84 \uD22C\uC790\uAC00 \uB298\uBA74\uC11C \uACE0\uC131\uB2A5 \uBA54\uBAA8\uB9AC\uC640 \uAC00\uC18D\uAE30 \uC218\uC694\uAC00 \uACF5\uAE09\uC744 \uC6C3\uB3CC\uACE0 \uC788\uB2E4.",
      "\uBBF8\uAD6D\uC758 \uB300\uC911\uAD6D \uC218\uCD9C \uADDC\uC81C\uAC00 \uC774\uC5B4\uC9C0\uBA74\uC11C \uACF5\uAE09\uB9DD \uC7AC\uD3B8\uC774 \uBE68\uB77C\uC9C0\uACE0 \uC788\uB2E4.",
      "\uBA54\uBAA8\uB9AC \uC5C5\uD669\uC740 3\uBD84\uAE30\uB97C \uBC14\uB2E5\uC73C\uB85C \uD68C\uBCF5\uC138\uC5D0 \uB4E4\uC5B4\uC130\uB2E4\uB294 \uD3C9\uAC00\uAC00 \uB098\uC628\uB2E4.",
      "\uACBD\uC7C1\uC0AC\uB4E4\uB3C4 \uC5F0\uB0B4 \uBE44\uC2B7\uD55C \uC81C\uD488\uC758 \uACF5\uAE09\uC744 \uC608\uACE0\uD574 \uC810\uC720\uC728 \uACBD\uC7C1\uC774 \uCE58\uC5F4\uD574\uC9C0\uACE0 \uC788\uB2E4."
    ],
    quotes: [
      "\uACE0\uAC1D\uC774 \uC6D0\uD558\uB294 \uC2DC\uC810\uC5D0 \uC6D0\uD558\uB294 \uBB3C\uB7C9\uC744 \uACF5\uAE09\uD560 \uC218 \uC788\uB294 \uCCB4\uC81C\uB97C \uAC16\uCDC4\uB2E4",
      "\uAE30\uC220 \uACA9\uCC28\uB97C \uB2E4\uC2DC \uBC8C\uB9AC\uB294 \uACC4\uAE30\uAC00 \uB420 \uAC83\uC774\uB2E4",
      "\uC218\uC728 \uC548\uC815\uD654\uAC00 \uC62C\uD574 \uB0A8\uC740 \uAC00\uC7A5 \uD070 \uACFC\uC81C\uB2E4"
    ],
    personTitles: ["\uC0AC\uC7A5", "\uBD80\uC0AC\uC7A5", "\uBA54\uBAA8\uB9AC\uC0AC\uC5C5\uBD80\uC7A5", "\uC5F0\uAD6C\uC18C\uC7A5"],
    amountWord: "\uD22C\uC790 \uADDC\uBAA8",
    amountRange: [100, 3e3],
    dollars: true,
    business: true
  },
  {
    key: "platforms",
    label: "\uD50C\uB7AB\uD3FC",
    companies: ["\uC628\uB2F4", "\uBC14\uB85C\uD1A1", "\uBAA8\uC544\uD398\uC774", "\uC774\uC6C3\uB9C8\uCF13", "\uD55C\uACB0\uD50C\uB7AB\uD3FC", "\uB2E4\uC815\uCEE4\uBA38\uC2A4"],
    products: ["\uAC04\uD3B8\uACB0\uC81C \uC11C\uBE44\uC2A4", "\uC20F\uD3FC \uB3D9\uC601\uC0C1 \uC11C\uBE44\uC2A4", "\uC720\uB8CC \uBA64\uBC84\uC2ED", "\uB77C\uC774\uBE0C \uCEE4\uBA38\uC2A4", "\uC9C0\uB3C4 \uC11C\uBE44\uC2A4", "\uD1B5\uD569\uAC80\uC0C9 \uD654\uBA74"],
    actions: act("\uCD9C\uC2DC", "\uAC1C\uD3B8", "\uB3C4\uC785", "\uD655\uB300"),
    named: true,
    specs: [
      (s) => `\uC6D4\uAC04 \uD65C\uC131 \uC774\uC6A9\uC790\uB294 ${s.n1 * 10 + 300}\uB9CC \uBA85\uC73C\uB85C, 1\uB144 \uC804\uBCF4\uB2E4 ${s.pct} \uB298\uC5C8\uB2E4.`,
      (s) => `\uC774\uC6A9\uC790 1\uC778\uB2F9 \uD558\uB8E8 \uCCB4\uB958 \uC2DC\uAC04\uC740 ${s.n2 % 40 + 20}\uBD84\uC73C\uB85C \uC9D1\uACC4\uB410\uB2E4.`,
      (s) => `\uD68C\uC0AC\uB294 \uC774\uBC88 \uAC1C\uD3B8\uC73C\uB85C \uAC70\uB798\uC561\uC774 \uB0B4\uB144 ${s.mult}\uB85C \uB298\uC5B4\uB0A0 \uAC83\uC73C\uB85C \uAE30\uB300\uD55C\uB2E4.`
    ],
    background: [
      "\uC20F\uD3FC\uACFC \uD574\uC678 \uD50C\uB7AB\uD3FC\uC5D0 \uC774\uC6A9 \uC2DC\uAC04\uC744 \uBE7C\uC557\uAE30\uBA74\uC11C \uAD6D\uB0B4 \uD50C\uB7AB\uD3FC\uC758 \uC131\uC7A5\uC138\uAC00 \uB454\uD654\uD588\uB2E4.",
      "\uAD11\uACE0 \uB9E4\uCD9C \uC758\uC874\uB3C4\uB97C \uB0AE\uCD94\uB824\uB294 \uC2DC\uB3C4\uAC00 \uC5C5\uACC4 \uC804\uBC18\uC73C\uB85C \uBC88\uC9C0\uACE0 \uC788\uB2E4.",
      "\uD50C\uB7AB\uD3FC \uACF5\uC815\uACBD\uC7C1 \uADDC\uC81C \uB17C\uC758\uAC00 \uC774\uC5B4\uC9C0\uBA74\uC11C \uC218\uC218\uB8CC \uC815\uCC45\uB3C4 \uC8FC\uBAA9\uBC1B\uACE0 \uC788\uB2E4.",
      "\uC774\uC6A9\uC790 \uAC1C\uC778\uC815\uBCF4\uB97C \uC5B4\uB5BB\uAC8C \uB2E4\uB8F0\uC9C0\uAC00 \uC0C8 \uC11C\uBE44\uC2A4\uC758 \uC131\uD328\uB97C \uAC00\uB97C \uBCC0\uC218\uB85C \uAF3D\uD78C\uB2E4."
    ],
    quotes: [
      "\uAC00\uC7A5 \uB9CE\uC740 \uC0AC\uB78C\uC774 \uB9E4\uC77C \uC5EC\uB294 \uC571\uC5D0\uC11C \uBCC0\uD654\uB97C \uC2DC\uC791\uD558\uACA0\uB2E4",
      "\uC774\uC6A9\uC790\uAC00 \uCCB4\uAC10\uD560 \uC218 \uC788\uB294 \uD3B8\uC758\uB97C \uB9CC\uB4DC\uB294 \uAC83\uC774 \uBA3C\uC800\uB2E4",
      "\uCC3D\uC791\uC790\uC640 \uD310\uB9E4\uC790\uC5D0\uAC8C \uB3CC\uC544\uAC00\uB294 \uBAAB\uC744 \uB354 \uD0A4\uC6B0\uACA0\uB2E4"
    ],
    personTitles: ["\uB300\uD45C", "\uC11C\uBE44\uC2A4 \uCD1D\uAD04", "\uC0AC\uC5C5\uBD80\uBB38\uC7A5", "\uCD5C\uACE0\uC81C\uD488\uCC45\uC784\uC790"],
    amountWord: "\uD22C\uC790 \uADDC\uBAA8",
    amountRange: [5, 300],
    dollars: false,
    business: true
  },
  {
    key: "markets",
    label: "\uC99D\uC2DC",
    companies: ["\uB300\uD55C\uC911\uACF5\uC5C5", "\uD55C\uACB0\uAE08\uC735\uC9C0\uC8FC", "\uB3D9\uD574\uC870\uC120", "\uCCAD\uC6B4\uD654\uD559", "\uBBF8\uB798\uBC14\uC774\uC624", "\uC11C\uD574\uD574\uC6B4"],
    products: ["\uC790\uC0AC\uC8FC \uB9E4\uC785", "\uBD84\uAE30 \uBC30\uB2F9 \uD655\uB300", "\uC720\uC0C1\uC99D\uC790", "\uD574\uC678 \uC218\uC8FC", "\uC124\uBE44 \uD22C\uC790", "\uAD50\uD658\uC0AC\uCC44 \uBC1C\uD589"],
    actions: act("\uBC1C\uD45C", "\uACB0\uC815", "\uACF5\uC2DC", "\uCD94\uC9C4"),
    named: false,
    specs: [
      (s) => `\uC8FC\uAC00\uB294 \uC804 \uAC70\uB798\uC77C\uBCF4\uB2E4 ${s.pct} \uC624\uB978 ${commas(s.n1 * 1e3 + 12e3)}\uC6D0\uC5D0 \uC7A5\uC744 \uB9C8\uCCE4\uB2E4.`,
      (s) => `\uC678\uAD6D\uC778\uC740 \uC774\uB0A0 ${commas(s.n2 * 10 + 120)}\uC5B5 \uC6D0\uC5B4\uCE58\uB97C \uC21C\uB9E4\uC218\uD588\uB2E4.`,
      (s) => `\uC99D\uAD8C\uAC00\uB294 \uBAA9\uD45C\uC8FC\uAC00\uB97C \uAE30\uC874\uBCF4\uB2E4 ${s.pct} \uB192\uC600\uB2E4.`
    ],
    background: [
      "\uC6D0/\uB2EC\uB7EC \uD658\uC728\uC774 1,400\uC6D0\uB300\uC5D0 \uBA38\uBB3C\uBA74\uC11C \uC678\uAD6D\uC778 \uC218\uAE09\uC774 \uBD88\uC548\uC815\uD55C \uBAA8\uC2B5\uC774\uB2E4.",
      "\uAE30\uC5C5\uAC00\uCE58 \uC81C\uACE0 \uC815\uCC45\uC5D0 \uB9DE\uCDB0 \uC8FC\uC8FC\uD658\uC6D0\uC744 \uB298\uB9AC\uB294 \uC0C1\uC7A5\uC0AC\uAC00 \uC787\uB530\uB974\uACE0 \uC788\uB2E4.",
      "\uBBF8\uAD6D \uAE08\uB9AC \uC778\uD558 \uAE30\uB300\uAC00 \uCEE4\uC9C0\uBA74\uC11C \uAD6D\uB0B4 \uC99D\uC2DC\uC5D0\uB3C4 \uD6C8\uD48D\uC774 \uBD88\uACE0 \uC788\uB2E4.",
      "\uCF54\uC2A4\uD53C\uB294 \uC774\uBC88 \uB2EC \uB4E4\uC5B4 \uBC18\uB3C4\uCCB4 \uB300\uD615\uC8FC\uB97C \uC911\uC2EC\uC73C\uB85C \uAC15\uC138\uB97C \uC774\uC5B4 \uAC00\uACE0 \uC788\uB2E4."
    ],
    quotes: [
      "\uC8FC\uC8FC\uC640 \uC774\uC775\uC744 \uB098\uB204\uB294 \uC6D0\uCE59\uC744 \uAFB8\uC900\uD788 \uC9C0\uD0A4\uACA0\uB2E4",
      "\uC2E4\uC801 \uAC1C\uC120 \uD750\uB984\uC774 \uB0B4\uB144\uAE4C\uC9C0 \uC774\uC5B4\uC9C8 \uAC83\uC774\uB2E4",
      "\uC2DC\uC7A5\uACFC\uC758 \uC18C\uD1B5\uC744 \uC9C0\uAE08\uBCF4\uB2E4 \uD6E8\uC52C \uB298\uB9AC\uACA0\uB2E4"
    ],
    personTitles: ["\uB300\uD45C", "\uCD5C\uACE0\uC7AC\uBB34\uCC45\uC784\uC790", "\uACBD\uC601\uC9C0\uC6D0\uC2E4\uC7A5"],
    amountWord: "\uC804\uCCB4 \uAE08\uC561",
    amountRange: [10, 1e3],
    dollars: false,
    growth: [
      (s) => `\uC99D\uAD8C\uAC00\uB294 \uC774\uBC88 \uACB0\uC815\uC73C\uB85C \uC8FC\uB2F9\uC21C\uC774\uC775\uC774 ${s.pct} \uB298\uC5B4\uB0A0 \uAC83\uC73C\uB85C \uBCF8\uB2E4.`,
      (s) => `\uC2DC\uC7A5\uC5D0\uC11C\uB294 \uC8FC\uAC00 \uC7AC\uD3C9\uAC00 \uC5EC\uC9C0\uAC00 \uCEE4\uC84C\uB2E4\uB294 \uBD84\uC11D\uC774 \uB098\uC628\uB2E4. \uD604\uC7AC \uC8FC\uAC00\uC21C\uC790\uC0B0\uBE44\uC728(PBR)\uC740 0.${s.n1 % 9 + 1}\uBC30 \uC218\uC900\uC774\uB2E4.`,
      (s) => `${s.company}\uC758 \uC62C\uD574 \uC601\uC5C5\uC774\uC775\uC740 ${commas(s.n2 * 10 + 100)}\uC5B5 \uC6D0\uC73C\uB85C \uC608\uC0C1\uB41C\uB2E4.`
    ],
    business: true
  },
  {
    key: "startups",
    label: "\uC2A4\uD0C0\uD2B8\uC5C5",
    companies: ["\uB77C\uC628\uB7A9\uC2A4", "\uD30C\uC778\uB4DC\uBA54\uC774\uD2B8", "\uC628\uAE38\uB85C\uBCF4\uD2F1\uC2A4", "\uBCC4\uBE5B\uD5EC\uC2A4\uCF00\uC5B4", "\uADF8\uB9B0\uB8E8\uD504", "\uBAA8\uB450\uC758\uD559\uC2B5", "\uC9D1\uBC25\uC5F0\uAD6C\uC18C"],
    products: ["\uC2DC\uB9AC\uC988A \uD22C\uC790 \uC720\uCE58", "\uC2DC\uB9AC\uC988B \uD22C\uC790 \uC720\uCE58", "\uD574\uC678 \uBC95\uC778 \uC124\uB9BD", "\uCF54\uC2A4\uB2E5 \uC0C1\uC7A5 \uC608\uBE44\uC2EC\uC0AC", "\uC804\uB7B5\uC801 \uC778\uC218\uD569\uBCD1"],
    actions: act("\uC644\uB8CC", "\uB9C8\uBB34\uB9AC", "\uBC1C\uD45C"),
    named: false,
    specs: [
      (s) => `\uB204\uC801 \uD22C\uC790 \uC720\uCE58 \uAE08\uC561\uC740 ${commas(s.n1 * 10 + 80)}\uC5B5 \uC6D0\uC73C\uB85C \uB298\uC5C8\uB2E4.`,
      (s) => `\uC62C\uD574 \uB9E4\uCD9C\uC740 \uC9C0\uB09C\uD574\uC758 ${s.mult}\uB85C \uB298\uC5B4\uB0A0 \uAC83\uC73C\uB85C \uD68C\uC0AC\uB294 \uB0B4\uB2E4\uBD24\uB2E4.`,
      (s) => `\uC9C1\uC6D0 \uC218\uB294 ${s.n2 + 30}\uBA85\uC73C\uB85C 1\uB144 \uC0C8 ${s.pct} \uB298\uC5C8\uB2E4.`
    ],
    background: [
      "\uBCA4\uCC98\uD22C\uC790 \uC2DC\uC7A5\uC774 \uC5BC\uC5B4\uBD99\uC73C\uBA74\uC11C \uD6C4\uAE30 \uB2E8\uACC4 \uD22C\uC790 \uC720\uCE58\uAC00 \uD2B9\uD788 \uC5B4\uB824\uC6CC\uC84C\uB2E4.",
      "\uC815\uBD80\uB294 \uB525\uD14C\uD06C \uC2A4\uD0C0\uD2B8\uC5C5 \uC9C0\uC6D0 \uC608\uC0B0\uC744 \uB0B4\uB144\uC5D0 \uD06C\uAC8C \uB298\uB9AC\uAE30\uB85C \uD588\uB2E4.",
      "\uD574\uC678 \uC2DC\uC7A5\uC744 \uCC98\uC74C\uBD80\uD130 \uACA8\uB0E5\uD558\uB294 \uAD6D\uB0B4 \uC2A4\uD0C0\uD2B8\uC5C5\uC774 \uBE60\uB974\uAC8C \uB298\uACE0 \uC788\uB2E4.",
      "\uAE30\uC5C5\uACF5\uAC1C \uC2DC\uC7A5\uC774 \uC0B4\uC544\uB098\uBA74\uC11C \uC0C1\uC7A5\uC744 \uC11C\uB450\uB974\uB294 \uC2A4\uD0C0\uD2B8\uC5C5\uB3C4 \uB9CE\uC544\uC84C\uB2E4."
    ],
    quotes: [
      "\uB0B4\uB144\uC5D0\uB294 \uBD81\uBBF8 \uACE0\uAC1D 50\uACF3\uC744 \uD655\uBCF4\uD558\uACA0\uB2E4",
      "\uC774\uBC88 \uD22C\uC790\uB85C \uC81C\uD488 \uACE0\uB3C4\uD654\uC640 \uC778\uC7AC \uD655\uBCF4\uC5D0 \uC18D\uB3C4\uB97C \uB0B4\uACA0\uB2E4",
      "\uD751\uC790 \uC804\uD658\uC744 \uBA3C\uC800 \uC774\uB8E8\uACE0 \uB2E4\uC74C \uB2E8\uACC4\uB85C \uAC00\uACA0\uB2E4"
    ],
    personTitles: ["\uB300\uD45C", "\uACF5\uB3D9\uCC3D\uC5C5\uC790", "\uCD5C\uACE0\uC6B4\uC601\uCC45\uC784\uC790"],
    amountWord: "\uD22C\uC790 \uC720\uCE58 \uAE08\uC561",
    amountRange: [2, 100],
    dollars: false,
    growth: [
      (s) => `\uD68C\uC0AC\uB294 \uC774\uBC88 \uC790\uAE08\uC73C\uB85C \uB0B4\uB144 \uB9E4\uCD9C\uC744 ${s.pct} \uC774\uC0C1 \uB298\uB9AC\uACA0\uB2E4\uB294 \uACC4\uD68D\uC774\uB2E4.`,
      (s) => `\uC62C\uD574 \uAC70\uB798\uC561\uC740 \uC9C0\uB09C\uD574\uC758 ${s.mult}\uB85C \uB298\uC5B4\uB0A0 \uC804\uB9DD\uC774\uB2E4.`,
      (s) => `\uD68C\uC0AC\uB294 ${s.n2 + 10}\uBA85 \uADDC\uBAA8\uC758 \uCD94\uAC00 \uCC44\uC6A9\uC5D0 \uB098\uC120\uB2E4.`
    ],
    business: true
  },
  {
    key: "batteries",
    label: "\uBC30\uD130\uB9AC",
    companies: ["\uAC00\uB78C\uC5D0\uB108\uC9C0", "\uD55C\uBE5B\uBC30\uD130\uB9AC", "\uB204\uB9AC\uCF00\uBBF8\uCE7C", "\uCCAD\uB78C\uC18C\uC7AC", "\uB9AC\uC140\uC5D0\uB108\uC9C0"],
    products: ["\uC804\uACE0\uCCB4 \uBC30\uD130\uB9AC", "LFP \uBC30\uD130\uB9AC", "46\uC2DC\uB9AC\uC988 \uC6D0\uD1B5\uD615 \uBC30\uD130\uB9AC", "\uC591\uADF9\uC7AC \uACF5\uC7A5", "\uD3D0\uBC30\uD130\uB9AC \uC7AC\uD65C\uC6A9 \uACF5\uC7A5", "\uC5D0\uB108\uC9C0\uC800\uC7A5\uC7A5\uCE58"],
    actions: act("\uC591\uC0B0", "\uCC29\uACF5", "\uAC1C\uBC1C", "\uAC00\uB3D9"),
    named: true,
    specs: [
      (s) => `\uC5F0\uAC04 \uC0DD\uC0B0\uB2A5\uB825\uC740 ${s.n1 + 10}GWh\uB85C, \uC804\uAE30\uCC28 \uC57D ${s.n1 + 10}\uB9CC \uB300\uC5D0 \uB4E4\uC5B4\uAC00\uB294 \uBB3C\uB7C9\uC774\uB2E4.`,
      (s) => `\uC5D0\uB108\uC9C0 \uBC00\uB3C4\uB294 \uAE30\uC874 \uC81C\uD488\uBCF4\uB2E4 ${s.pct} \uB192\uACE0, \uCDA9\uC804 \uC2DC\uAC04\uC740 ${s.n2 % 20 + 10}\uBD84\uC73C\uB85C \uC9E7\uC544\uC84C\uB2E4.`,
      (s) => `\uC140 1kWh\uB2F9 \uC0DD\uC0B0 \uB2E8\uAC00\uB294 \uAE30\uC874\uC758 ${s.mult} \uC218\uC900\uC73C\uB85C \uB0AE\uC544\uC9C8 \uC804\uB9DD\uC774\uB2E4.`
    ],
    background: [
      "\uC804\uAE30\uCC28 \uC218\uC694 \uB454\uD654\uAC00 \uAE38\uC5B4\uC9C0\uBA74\uC11C \uBC30\uD130\uB9AC \uC5C5\uACC4\uB294 \uC5D0\uB108\uC9C0\uC800\uC7A5\uC7A5\uCE58 \uC2DC\uC7A5\uC73C\uB85C \uB208\uC744 \uB3CC\uB9AC\uACE0 \uC788\uB2E4.",
      "\uBBF8\uAD6D \uC778\uD50C\uB808\uC774\uC158\uAC10\uCD95\uBC95\uC758 \uC138\uC561\uACF5\uC81C\uB97C \uBC1B\uC73C\uB824\uBA74 \uD604\uC9C0 \uC0DD\uC0B0\uC774 \uD544\uC218\uB2E4.",
      "\uB9AC\uD2AC \uAC00\uACA9\uC774 \uBC18\uB4F1\uD558\uBA74\uC11C \uC18C\uC7AC \uC5C5\uCCB4\uB4E4\uC758 \uC2E4\uC801 \uAC1C\uC120 \uAE30\uB300\uAC00 \uCEE4\uC9C0\uACE0 \uC788\uB2E4.",
      "\uC911\uAD6D \uC5C5\uCCB4\uB4E4\uC758 \uC800\uAC00 \uACF5\uC138\uAC00 \uC774\uC5B4\uC9C0\uBA74\uC11C \uAC00\uACA9 \uACBD\uC7C1\uB825\uC774 \uACFC\uC81C\uB85C \uB5A0\uC62C\uB790\uB2E4."
    ],
    quotes: [
      "\uAC00\uC7A5 \uBA3C\uC800 \uD604\uC9C0 \uC591\uC0B0 \uCCB4\uC81C\uB97C \uAC16\uCDC4\uB2E4\uB294 \uB370 \uC758\uBBF8\uAC00 \uC788\uB2E4",
      "\uC548\uC804\uC131\uACFC \uAC00\uACA9\uC744 \uD568\uAED8 \uC7A1\uC740 \uC81C\uD488\uC774\uB2E4",
      "\uC5D0\uB108\uC9C0\uC800\uC7A5\uC7A5\uCE58 \uB9E4\uCD9C \uBE44\uC911\uC744 \uC808\uBC18\uAE4C\uC9C0 \uB192\uC774\uACA0\uB2E4"
    ],
    personTitles: ["\uC0AC\uC7A5", "\uC0DD\uC0B0\uBC95\uC778\uC7A5", "\uC5F0\uAD6C\uC18C\uC7A5", "\uC804\uBB34"],
    amountWord: "\uD22C\uC790 \uADDC\uBAA8",
    amountRange: [50, 2e3],
    dollars: true,
    business: true
  },
  {
    key: "telecom",
    label: "\uD1B5\uC2E0",
    companies: ["\uBBF8\uB974\uD154\uB808\uCF64", "\uD55C\uC6B8\uD1B5\uC2E0", "\uB204\uB9AC\uBAA8\uBC14\uC77C", "\uAC00\uC628\uB124\uD2B8\uC6CD\uC2A4"],
    products: ["5G \uB2E8\uB3C5\uBAA8\uB4DC", "6G \uC2DC\uD5D8\uB9DD", "\uC800\uADA4\uB3C4 \uC704\uC131\uD1B5\uC2E0", "\uC628\uB77C\uC778 \uC804\uC6A9 \uC694\uAE08\uC81C", "AI \uB370\uC774\uD130\uC13C\uD130", "\uC591\uC790\uC554\uD638 \uD1B5\uC2E0\uB9DD"],
    actions: act("\uC0C1\uC6A9\uD654", "\uAC1C\uD1B5", "\uAD6C\uCD95", "\uCD9C\uC2DC"),
    named: true,
    specs: [
      (s) => `\uC804\uC1A1 \uC9C0\uC5F0\uC2DC\uAC04\uC740 ${s.n2 % 9 + 2}ms \uC218\uC900\uC73C\uB85C, \uAE30\uC874 \uBC29\uC2DD\uC758 \uC808\uBC18\uC73C\uB85C \uC904\uC5B4\uB4E0\uB2E4.`,
      (s) => `\uAC00\uC785\uC790\uB294 ${s.n1 * 10 + 100}\uB9CC \uBA85\uC73C\uB85C, \uC62C\uD574 \uB4E4\uC5B4 ${s.pct} \uB298\uC5C8\uB2E4.`,
      (s) => `\uD68C\uC0AC\uB294 \uAD00\uB828 \uB9E4\uCD9C\uC774 2028\uB144 ${s.mult}\uB85C \uCEE4\uC9C8 \uAC83\uC73C\uB85C \uBCF8\uB2E4.`
    ],
    background: [
      "5G \uAC00\uC785\uC790 \uC99D\uAC00\uC138\uAC00 \uAEBE\uC774\uBA74\uC11C \uD1B5\uC2E0\uC0AC\uB4E4\uC740 \uC0C8 \uC218\uC775\uC6D0 \uCC3E\uAE30\uC5D0 \uB098\uC130\uB2E4.",
      "\uC815\uBD80\uB294 6G \uC0C1\uC6A9\uD654\uC5D0 \uC55E\uC11C \uB124\uD2B8\uC6CC\uD06C \uACE0\uB3C4\uD654\uB97C \uC11C\uB458\uB7EC \uB2EC\uB77C\uACE0 \uC694\uAD6C\uD574 \uC654\uB2E4.",
      "\uD1B5\uC2E0\uC0AC\uB4E4\uC740 AI \uB370\uC774\uD130\uC13C\uD130\uB97C \uCC28\uC138\uB300 \uC131\uC7A5 \uB3D9\uB825\uC73C\uB85C \uAF3D\uACE0 \uC788\uB2E4.",
      "\uC54C\uB730\uD3F0\uACFC\uC758 \uC694\uAE08 \uACBD\uC7C1\uC774 \uCE58\uC5F4\uD574\uC9C0\uBA74\uC11C \uAC00\uC785\uC790 1\uC778\uB2F9 \uB9E4\uCD9C\uC774 \uC815\uCCB4\uB410\uB2E4."
    ],
    quotes: [
      "6G\uB85C \uAC00\uAE30 \uC704\uD55C \uD544\uC218 \uB2E8\uACC4\uB97C \uBC1F\uACE0 \uC788\uB2E4",
      "\uC774\uC6A9\uC790\uAC00 \uCCB4\uAC10\uD558\uB294 \uD488\uC9C8\uC744 \uD55C \uB2E8\uACC4 \uB04C\uC5B4\uC62C\uB9AC\uACA0\uB2E4",
      "\uD1B5\uC2E0\uC744 \uB118\uC5B4 AI \uC778\uD504\uB77C \uAE30\uC5C5\uC73C\uB85C \uBC14\uB00C\uACA0\uB2E4"
    ],
    personTitles: ["\uB300\uD45C", "\uB124\uD2B8\uC6CC\uD06C \uBD80\uBB38\uC7A5", "\uC804\uBB34"],
    amountWord: "\uD22C\uC790 \uADDC\uBAA8",
    amountRange: [20, 1e3],
    dollars: false,
    business: true
  },
  {
    key: "policy",
    label: "\uC815\uCC45",
    companies: ["\uACFC\uD559\uAE30\uC220\uC815\uBCF4\uD1B5\uC2E0\uBD80", "\uC0B0\uC5C5\uD1B5\uC0C1\uC790\uC6D0\uBD80", "\uC911\uC18C\uBCA4\uCC98\uAE30\uC5C5\uBD80", "\uAE08\uC735\uC704\uC6D0\uD68C", "\uACF5\uC815\uAC70\uB798\uC704\uC6D0\uD68C"],
    products: ["AI \uAE30\uBCF8\uBC95 \uC2DC\uD589\uB839", "\uB370\uC774\uD130\uC13C\uD130 \uC804\uB825 \uC9C0\uC6D0 \uBC29\uC548", "\uADDC\uC81C \uC0CC\uB4DC\uBC15\uC2A4 \uD655\uB300 \uBC29\uC548", "\uD50C\uB7AB\uD3FC \uACF5\uC815\uACBD\uC7C1 \uBC95\uC548", "\uBC18\uB3C4\uCCB4 \uC9C0\uC6D0 \uD2B9\uBCC4\uBC95", "\uCC3D\uC5C5 \uC9C0\uC6D0 \uC608\uC0B0\uC548"],
    actions: act("\uBC1C\uD45C", "\uD655\uC815", "\uACF5\uAC1C", "\uC758\uACB0"),
    named: false,
    specs: [
      (s) => `\uC815\uBD80\uB294 2030\uB144\uAE4C\uC9C0 ${josa(s.amount, "\uC744/\uB97C")} \uD22C\uC785\uD560 \uACC4\uD68D\uC774\uB2E4.`,
      (s) => `\uC9C0\uC6D0 \uB300\uC0C1 \uAE30\uC5C5\uC740 \uC62C\uD574\uBCF4\uB2E4 ${s.pct} \uB298\uC5B4\uB09C ${commas(s.n1 * 20 + 200)}\uACF3\uC774\uB2E4.`,
      (s) => `\uAD00\uB828 \uC778\uD5C8\uAC00 \uAE30\uAC04\uC740 \uC9C0\uAE08\uC758 \uC808\uBC18 \uC218\uC900\uC73C\uB85C \uC904\uC5B4\uB4E0\uB2E4.`
    ],
    background: [
      "\uC5C5\uACC4\uB294 \uADF8\uB3D9\uC548 \uADDC\uC81C\uAC00 \uC2E0\uC0B0\uC5C5\uC758 \uBC1C\uBAA9\uC744 \uC7A1\uB294\uB2E4\uACE0 \uD638\uC18C\uD574 \uC654\uB2E4.",
      "\uC8FC\uC694\uAD6D\uC774 AI\uC640 \uBC18\uB3C4\uCCB4 \uC0B0\uC5C5\uC5D0 \uB9C9\uB300\uD55C \uBCF4\uC870\uAE08\uC744 \uC3DF\uC544\uBD93\uACE0 \uC788\uB2E4.",
      "\uAD6D\uD68C \uB17C\uC758 \uACFC\uC815\uC5D0\uC11C \uC138\uBD80 \uB0B4\uC6A9\uC774 \uBC14\uB014 \uAC00\uB2A5\uC131\uB3C4 \uC788\uB2E4.",
      "\uC7AC\uC6D0 \uB9C8\uB828 \uBC29\uC548\uC774 \uAD6C\uCCB4\uC801\uC774\uC9C0 \uC54A\uB2E4\uB294 \uC9C0\uC801\uB3C4 \uB098\uC628\uB2E4."
    ],
    quotes: [
      "\uAE30\uC5C5\uC774 \uD604\uC7A5\uC5D0\uC11C \uCCB4\uAC10\uD560 \uC218 \uC788\uB3C4\uB85D \uC18D\uB3C4\uB97C \uB0B4\uACA0\uB2E4",
      "\uADDC\uC81C\uBCF4\uB2E4 \uC9C4\uD765\uC5D0 \uBB34\uAC8C\uB97C \uB450\uACA0\uB2E4",
      "\uAD00\uACC4 \uBD80\uCC98\uC640 \uD568\uAED8 \uD6C4\uC18D \uC870\uCE58\uB97C \uC11C\uB450\uB974\uACA0\uB2E4"
    ],
    personTitles: ["\uC7A5\uAD00", "\uCC28\uAD00", "\uC815\uCC45\uAD00", "\uAD6D\uC7A5"],
    amountWord: "\uC608\uC0B0 \uADDC\uBAA8",
    amountRange: [100, 3e3],
    dollars: false,
    business: false,
    growth: [
      (s) => `\uC815\uBD80\uB294 \uC774\uBC88 \uC870\uCE58\uB85C \uAD00\uB828 \uC0B0\uC5C5 \uB9E4\uCD9C\uC774 ${s.pct} \uB298\uC5B4\uB0A0 \uAC83\uC73C\uB85C \uAE30\uB300\uD55C\uB2E4.`,
      (s) => `\uAD00\uB828 \uC5C5\uACC4\uB294 \uD22C\uC790 \uC720\uBC1C \uD6A8\uACFC\uAC00 \uC9C0\uC6D0\uC561\uC758 ${s.mult}\uC5D0 \uC774\uB97C \uAC83\uC73C\uB85C \uBCF8\uB2E4.`,
      (s) => `${josa(s.company, "\uC740/\uB294")} \uC77C\uC790\uB9AC ${commas(s.n2 * 100 + 1e3)}\uAC1C\uAC00 \uC0C8\uB85C \uC0DD\uAE38 \uAC83\uC73C\uB85C \uB0B4\uB2E4\uBD24\uB2E4.`
    ]
  },
  {
    key: "mobility",
    label: "\uBAA8\uBE4C\uB9AC\uD2F0",
    companies: ["\uB2E4\uC628\uBAA8\uD130\uC2A4", "\uD55C\uAE38\uC790\uB3D9\uCC28", "\uC0C8\uAE38\uBAA8\uBE4C\uB9AC\uD2F0", "\uB204\uB9AC\uB85C\uBCF4\uD0DD\uC2DC"],
    products: ["\uB808\uBCA83 \uC790\uC728\uC8FC\uD589", "\uC804\uC6A9 \uC804\uAE30\uCC28 \uD50C\uB7AB\uD3FC", "\uB85C\uBCF4\uD0DD\uC2DC \uC11C\uBE44\uC2A4", "\uBB34\uC120 \uC18C\uD504\uD2B8\uC6E8\uC5B4 \uC5C5\uB370\uC774\uD2B8", "\uC218\uC18C \uD2B8\uB7ED"],
    actions: act("\uCD9C\uC2DC", "\uC0C1\uC6A9\uD654", "\uACF5\uAC1C", "\uC2DC\uC791"),
    named: true,
    specs: [
      (s) => `\uB204\uC801 \uC2DC\uD5D8 \uC8FC\uD589 \uAC70\uB9AC\uB294 ${s.n1 + 20}\uB9CC\u339E\uC5D0 \uC774\uB978\uB2E4.`,
      (s) => `\uAC00\uACA9\uC740 ${commas(s.n2 * 10 + 300)}\uB9CC \uC6D0\uC774\uBA70, \uC6D4 \uAD6C\uB3C5\uD615\uC73C\uB85C\uB3C4 \uC4F8 \uC218 \uC788\uB2E4.`,
      (s) => `1\uD68C \uCDA9\uC804 \uC8FC\uD589\uAC70\uB9AC\uB294 ${s.n1 * 5 + 400}\u339E\uB85C \uAE30\uC874 \uBAA8\uB378\uBCF4\uB2E4 ${s.pct} \uB298\uC5C8\uB2E4.`
    ],
    background: [
      "\uC18C\uD504\uD2B8\uC6E8\uC5B4 \uC911\uC2EC \uC790\uB3D9\uCC28 \uACBD\uC7C1\uC5D0\uC11C \uC790\uC728\uC8FC\uD589\uC740 \uAC00\uC7A5 \uD655\uC2E4\uD55C \uC218\uC775\uC6D0\uC73C\uB85C \uAF3D\uD78C\uB2E4.",
      "\uD574\uC678 \uC644\uC131\uCC28 \uC5C5\uCCB4\uB4E4\uC740 \uC774\uBBF8 \uBE44\uC2B7\uD55C \uAE30\uB2A5\uC744 \uC0C1\uC6A9\uD654\uD588\uB2E4.",
      "\uC0AC\uACE0\uAC00 \uB098\uBA74 \uC81C\uC870\uC0AC \uCC45\uC784\uC774 \uCEE4\uC9C0\uB294 \uB9CC\uD07C \uC5C5\uACC4\uB294 \uCD9C\uC2DC \uC2DC\uC810\uC744 \uC800\uC6B8\uC9C8\uD574 \uC654\uB2E4.",
      "\uC804\uAE30\uCC28 \uC218\uC694\uAC00 \uC8FC\uCDA4\uD558\uBA74\uC11C \uD558\uC774\uBE0C\uB9AC\uB4DC\uC640 \uC18C\uD504\uD2B8\uC6E8\uC5B4\uB85C \uC218\uC775\uC744 \uB0B4\uB824\uB294 \uC6C0\uC9C1\uC784\uC774 \uCEE4\uC9C0\uACE0 \uC788\uB2E4."
    ],
    quotes: [
      "\uC6B4\uC804\uC790\uAC00 \uC274 \uC218 \uC788\uB294 \uCC28\uB97C \uAC00\uC7A5 \uBA3C\uC800 \uB0B4\uB193\uACA0\uB2E4",
      "\uC548\uC804\uC744 \uCD5C\uC6B0\uC120\uC5D0 \uB450\uACE0 \uAE30\uB2A5\uC744 \uB113\uD600 \uAC00\uACA0\uB2E4",
      "\uC18C\uD504\uD2B8\uC6E8\uC5B4\uB85C \uB3C8\uC744 \uBC84\uB294 \uD68C\uC0AC\uB85C \uBC14\uB00C\uACA0\uB2E4"
    ],
    personTitles: ["\uC0AC\uC7A5", "\uC5F0\uAD6C\uAC1C\uBC1C\uBCF8\uBD80\uC7A5", "\uBD80\uC0AC\uC7A5"],
    amountWord: "\uD22C\uC790 \uADDC\uBAA8",
    amountRange: [20, 1500],
    dollars: true,
    business: true
  }
];
var TOPIC_KEYS = DOMAINS.map((d) => d.key);
var CODENAMES = [
  "\uC624\uB85C\uB77C",
  "\uB178\uBC14",
  "\uB8E8\uBA58",
  "\uC544\uD2C0\uB77C\uC2A4",
  "\uD3EC\uB974\uD14C",
  "\uC81C\uB2C8\uC2A4",
  "\uD558\uBAA8\uB2C8",
  "\uAC00\uC628",
  "\uB2E4\uC628",
  "\uBBF8\uB974",
  "\uD55C\uC6B8",
  "\uB204\uB9AC",
  "\uC194\uB77C",
  "\uBCA0\uAC00",
  "\uC2DC\uADF8\uB9C8",
  "\uC624\uB9AC\uC628",
  "\uCE74\uC774\uB85C\uC2A4",
  "\uB9C8\uB8E8",
  "\uBE5B\uACB0",
  "\uC774\uB4E0"
];
var CODE_SUFFIX = ["1", "2", "3", "5", "7", "9", "X", "\uD504\uB85C", "\uC6B8\uD2B8\uB77C", "\uB9E5\uC2A4"];
var SURNAMES = [
  ["\uAE40", "kim"],
  ["\uC774", "lee"],
  ["\uBC15", "park"],
  ["\uCD5C", "choi"],
  ["\uC815", "jung"],
  ["\uAC15", "kang"],
  ["\uC870", "cho"],
  ["\uC724", "yoon"],
  ["\uC7A5", "jang"],
  ["\uC784", "lim"],
  ["\uD55C", "han"],
  ["\uC624", "oh"],
  ["\uC11C", "seo"],
  ["\uC2E0", "shin"],
  ["\uAD8C", "kwon"],
  ["\uD669", "hwang"],
  ["\uC1A1", "song"],
  ["\uB958", "ryu"],
  ["\uD64D", "hong"],
  ["\uBB38", "moon"]
];
var GIVEN = [
  ["\uBBFC\uC900", "minjun"],
  ["\uC11C\uC5F0", "seoyeon"],
  ["\uB3C4\uC724", "doyun"],
  ["\uD558\uC740", "haeun"],
  ["\uC9C0\uD638", "jiho"],
  ["\uC218\uBE48", "subin"],
  ["\uC608\uB9B0", "yerin"],
  ["\uC900\uC11C", "junseo"],
  ["\uC9C0\uBBFC", "jimin"],
  ["\uD604\uC6B0", "hyunwoo"],
  ["\uC18C\uC601", "soyoung"],
  ["\uD0DC\uC724", "taeyun"],
  ["\uAC00\uB78C", "garam"],
  ["\uD558\uB298", "haneul"],
  ["\uC7AC\uD6C8", "jaehoon"],
  ["\uC720\uC9C4", "yujin"],
  ["\uC131\uC6B0", "sungwoo"],
  ["\uB2E4\uC740", "daeun"],
  ["\uBBFC\uD638", "minho"],
  ["\uC9C0\uC6D0", "jiwon"]
];
var BROKERS = ["\uD55C\uBE5B\uD22C\uC790\uC99D\uAD8C", "\uC0C8\uC194\uC99D\uAD8C", "\uB204\uB9AC\uC99D\uAD8C", "\uAC00\uB78C\uC790\uC0B0\uC6B4\uC6A9", "\uCCAD\uC6B4\uB9AC\uC11C\uCE58"];
var FOREIGN = ["Northwind Systems", "Bluepeak Labs", "Harbor Semiconductor", "Cedar Mobility", "Quanta Cloud"];
var SOURCE_NAMES = [
  ["\uD14C\uD06C\uB370\uC77C\uB9AC", "techdaily"],
  ["\uB9C8\uCF13\uC6CC\uCE58\uCF54\uB9AC\uC544", "marketwatch"],
  ["\uC2A4\uD0C0\uD2B8\uC5C5\uBE0C\uB9AC\uD504", "startupbrief"],
  ["\uB514\uC9C0\uD138\uD0C0\uC784\uB77C\uC778", "digitaltimeline"],
  ["\uC804\uC790\uC2E0\uBCF4", "etimes"],
  ["\uACBD\uC81C\uD22C\uB370\uC774", "econtoday"],
  ["\uBCA4\uCC98\uD0C0\uC784\uC2A4", "venturetimes"],
  ["\uC5D0\uB108\uC9C0\uACBD\uC81C\uC2E0\uBCF4", "energynews"],
  ["\uD50C\uB7AB\uD3FC\uC6CC\uCE58", "platformwatch"],
  ["\uB370\uC77C\uB9AC\uBE44\uC988", "dailybiz"],
  ["\uBAA8\uBC14\uC77C\uC778\uC0AC\uC774\uD2B8", "mobileinsight"],
  ["\uCF54\uB9AC\uC544\uD14C\uD06C\uB9AC\uBDF0", "koreatechreview"]
];
function sourceAt(i) {
  const known = SOURCE_NAMES[i];
  return known ? { name: known[0], slug: known[1] } : { name: `\uB274\uC2A4${i + 1}`, slug: `news${i + 1}` };
}
function personName(r) {
  return pick(r, SURNAMES)[0] + pick(r, GIVEN)[0];
}
function amountOf(r, d) {
  const eok = int(r, d.amountRange[0], d.amountRange[1]) * 10;
  if (d.dollars && r() < 0.25) return `${commas(Math.max(1, Math.round(eok / 1400)))}\uC5B5 \uB2EC\uB7EC`;
  if (eok < 1e4) return `${commas(eok)}\uC5B5 \uC6D0`;
  const rest = eok % 1e4;
  return rest === 0 ? `${Math.floor(eok / 1e4)}\uC870 \uC6D0` : `${Math.floor(eok / 1e4)}\uC870 ${commas(rest)}\uC5B5 \uC6D0`;
}
var KST = 9 * 36e5;
function makeStory(r, at) {
  const domain = pick(r, DOMAINS);
  const noun = pick(r, domain.products);
  const product = domain.named ? `\u2018${pick(r, CODENAMES)} ${pick(r, CODE_SUFFIX)}\u2019 ${noun}` : noun;
  const k = new Date(at + KST);
  const day = k.getUTCDate();
  return {
    domain,
    company: pick(r, domain.companies),
    product,
    action: pick(r, domain.actions),
    amount: amountOf(r, domain),
    pct: `${int(r, 2, 48)}.${int(r, 0, 9)}%`,
    mult: `${int(r, 1, 4)}.${int(r, 1, 9)}\uBC30`,
    n1: int(r, 1, 60),
    n2: int(r, 1, 90),
    at,
    day,
    dotted: `${k.getUTCFullYear()}. ${k.getUTCMonth() + 1}. ${day}.`,
    person: { name: personName(r), title: pick(r, domain.personTitles) },
    quote: pick(r, domain.quotes),
    analyst: { name: personName(r), title: "\uC5F0\uAD6C\uC6D0" },
    broker: pick(r, BROKERS),
    foreign: pick(r, FOREIGN),
    base: int(r, 0, 11)
  };
}
var LEADS = [
  (s) => `${josa(s.company, "\uC774/\uAC00")} ${josa(s.product, "\uC744/\uB97C")} ${s.action.noun}\uD588\uB2E4\uACE0 ${s.day}\uC77C \uBC1D\uD614\uB2E4.`,
  (s) => `${josa(s.company, "\uC740/\uB294")} ${s.day}\uC77C ${s.product}\uC758 ${josa(s.action.noun, "\uC744/\uB97C")} \uACF5\uC2DD\uD654\uD588\uB2E4.`,
  (s) => `${josa(s.company, "\uC774/\uAC00")} ${s.product} ${s.action.noun}\uC5D0 \uB098\uC130\uB2E4.`,
  (s) => `${josa(s.company, "\uC774/\uAC00")} ${s.dotted} ${s.product} ${s.action.noun} \uC18C\uC2DD\uC744 \uC54C\uB838\uB2E4.`
];
var AMOUNTS = [
  (s) => `${josa(s.domain.amountWord, "\uC740/\uB294")} ${s.amount}\uC5D0 \uC774\uB978\uB2E4.`,
  (s) => `${josa(s.company, "\uC774/\uAC00")} \uBC1D\uD78C ${josa(s.domain.amountWord, "\uC740/\uB294")} ${s.amount} \uC218\uC900\uC774\uB2E4.`,
  (s) => `\uC5C5\uACC4\uC5D0\uC11C\uB294 ${josa(s.domain.amountWord, "\uC744/\uB97C")} ${s.amount} \uC548\uD30E\uC73C\uB85C \uCD94\uC0B0\uD55C\uB2E4.`
];
var GROWTH = [
  (s) => `\uD68C\uC0AC \uCE21\uC740 \uAD00\uB828 \uB9E4\uCD9C\uC774 \uB0B4\uB144 ${s.pct} \uB298\uC5B4\uB0A0 \uAC83\uC73C\uB85C \uB0B4\uB2E4\uBD24\uB2E4.`,
  (s) => `\uC774\uBC88 ${josa(s.action.noun, "\uC73C\uB85C/\uB85C")} ${s.domain.label} \uC2DC\uC7A5 \uC810\uC720\uC728\uC774 ${s.n1 % 5 + 1}.${s.n2 % 10}%\uD3EC\uC778\uD2B8\uAC00\uB7C9 \uC624\uB97C \uAC83\uC774\uB77C\uB294 \uBD84\uC11D\uC774 \uB098\uC628\uB2E4.`,
  (s) => `\uC2DC\uC7A5\uC5D0\uC11C\uB294 ${s.company}\uC758 \uAD00\uB828 \uC601\uC5C5\uC774\uC775\uC774 \uB0B4\uB144 ${commas(s.n2 * 10 + 100)}\uC5B5 \uC6D0\uC744 \uB118\uC5B4\uC124 \uC218 \uC788\uB2E4\uACE0 \uBCF8\uB2E4.`
];
var QUOTES = [
  (s) => `${s.person.name} ${s.company} ${josa(s.person.title, "\uC740/\uB294")} \u201C${s.quote}\u201D\uACE0 \uB9D0\uD588\uB2E4.`,
  (s) => `${s.company}\uC758 ${s.person.name} ${josa(s.person.title, "\uC740/\uB294")} \u201C${s.quote}\u201D\uBA70 \uC790\uC2E0\uAC10\uC744 \uBCF4\uC600\uB2E4.`,
  (s) => `${s.person.name} ${josa(s.person.title, "\uC740/\uB294")} \uAC04\uB2F4\uD68C\uC5D0\uC11C \u201C${s.quote}\u201D\uACE0 \uAC15\uC870\uD588\uB2E4.`
];
var OUTLOOK = [
  (s) => `\uAD00\uAC74\uC740 \uC2E4\uD589 \uC18D\uB3C4\uB2E4. ${josa(s.product, "\uC774/\uAC00")} \uC2E4\uC81C \uC131\uACFC\uB85C \uC774\uC5B4\uC9C0\uAE30\uAE4C\uC9C0\uB294 \uC2DC\uAC04\uC774 \uB354 \uAC78\uB9B4 \uC218 \uC788\uB2E4.`,
  (s) => `\uACBD\uC7C1\uC0AC\uB4E4\uB3C4 \uBE44\uC2B7\uD55C \uACC4\uD68D\uC744 \uB0B4\uB193\uACE0 \uC788\uC5B4 ${s.domain.label} \uC2DC\uC7A5\uC758 \uACBD\uC7C1\uC740 \uD55C\uCE35 \uCE58\uC5F4\uD574\uC9C8 \uC804\uB9DD\uC774\uB2E4.`,
  (s) => `\uC5C5\uACC4\uB294 ${s.company}\uC758 \uB2E4\uC74C \uD589\uBCF4\uC5D0 \uC8FC\uBAA9\uD558\uACE0 \uC788\uB2E4. \uD6C4\uC18D \uBC1C\uD45C\uB294 \uB0B4\uB144 \uC0C1\uBC18\uAE30\uB85C \uC608\uC0C1\uB41C\uB2E4.`
];
var ANALYST = (s) => `${s.analyst.name} ${s.broker} ${josa(s.analyst.title, "\uC740/\uB294")} \u201C${s.company}\uC758 \uC774\uBC88 ${josa(s.action.noun, "\uC740/\uB294")} \uC911\uC7A5\uAE30 \uC2E4\uC801\uC5D0 \uAE0D\uC815\uC801\uC774\uB2E4\u201D\uB77C\uACE0 \uD3C9\uAC00\uD588\uB2E4.`;
var OFFICIAL = (s) => `\uC5C5\uACC4 \uAD00\uACC4\uC790\uB294 \u201C\uC774\uBC88 ${josa(s.product, "\uC774/\uAC00")} \uD604\uC7A5\uC758 \uC228\uD1B5\uC744 \uD2D4\uC6B8 \uAC83\u201D\uC774\uB77C\uACE0 \uB9D0\uD588\uB2E4.`;
var ABROAD = [
  (s) => `\uBBF8\uAD6D ${s.foreign} Inc.\uC640\uC758 \uD611\uB825\uB3C4 \uB113\uD78C\uB2E4. U.S. \uC2DC\uC7A5 \uC9C4\uCD9C\uC740 \uB0B4\uB144 \uD558\uBC18\uAE30\uAC00 \uBAA9\uD45C\uB2E4.`,
  (s) => `\uD574\uC678\uC5D0\uC11C\uB294 ${s.foreign} Inc.\uAC00 \uBE44\uC2B7\uD55C \uC81C\uD488\uC744 \uC900\uBE44\uD558\uACE0 \uC788\uC5B4 \uB9DE\uB300\uACB0\uC774 \uBD88\uAC00\uD53C\uD558\uB2E4.`
];
var TITLES = [
  (s) => `${s.company}, ${s.product} ${s.action.noun}\u2026 ${s.amount} \uADDC\uBAA8`,
  (s) => `${s.company} ${s.product} ${s.action.noun}\u2026 \u201C${s.quote}\u201D`,
  (s) => `${s.product} ${s.action.noun}\uD55C ${s.company}, ${s.pct} \uC131\uC7A5 \uB178\uB9B0\uB2E4`,
  (s) => `[\uB2E8\uB3C5] ${s.company}, ${s.product} ${s.action.noun} \uC784\uBC15`,
  (s) => s.domain.business ? `${s.company}, ${s.domain.label} \uC2DC\uC7A5\uC5D0 ${s.product} \uC2B9\uBD80\uC218` : `${s.company}, ${s.product} ${s.action.noun}\u2026 \uD6C4\uC18D \uC870\uCE58 \uC18D\uB3C4`
];
function wording(list, s, k) {
  return list[(s.base + k) % list.length];
}
function itemBlocks(r, s, k) {
  const blocks = [];
  const p = (text) => {
    blocks.push({ kind: "paragraph", text });
  };
  p(`${wording(LEADS, s, k)(s)} ${wording(AMOUNTS, s, k)(s)}`);
  p(`${wording(s.domain.specs, s, k)(s)} ${wording(s.domain.growth ?? GROWTH, s, k)(s)}`);
  if (r() < 0.5) blocks.push({ kind: "heading", text: "\uBC30\uACBD\uC740" });
  const bg = shuffle(r, [...s.domain.background]);
  p(`${bg[0]} ${bg[1]}`);
  p(wording(QUOTES, s, k)(s));
  if (r() < 0.2) {
    blocks.push({ kind: "heading", text: "\uC8FC\uC694 \uB0B4\uC6A9" });
    blocks.push({ kind: "list-item", text: `${s.action.noun} \uB300\uC0C1: ${s.product}` });
    blocks.push({ kind: "list-item", text: `\uADDC\uBAA8: ${s.amount}` });
    blocks.push({ kind: "list-item", text: `\uBAA9\uD45C: \uAD00\uB828 \uB9E4\uCD9C ${s.pct} \uC99D\uAC00` });
  }
  if (r() < 0.4) blocks.push({ kind: "heading", text: "\uC55E\uC73C\uB85C\uB294" });
  const outlook = wording(OUTLOOK, s, k)(s);
  if (r() < 0.5) p(s.domain.business ? `${outlook} ${ANALYST(s)}` : `${outlook} ${OFFICIAL(s)}`);
  else p(outlook);
  if (r() < 0.4) p(s.domain.business ? `${wording(ABROAD, s, k)(s)} ${bg[2]}` : `${bg[2]} ${bg[3]}`);
  return blocks;
}
var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
var NEEDS_ESCAPE = /[&<>"']/;
function escapeText(s) {
  return NEEDS_ESCAPE.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]) : s;
}
function blocksToHtml(blocks) {
  let html = "";
  let inList = false;
  for (const b of blocks) {
    if (b.kind === "list-item" && !inList) {
      html += "<ul>";
      inList = true;
    } else if (b.kind !== "list-item" && inList) {
      html += "</ul>";
      inList = false;
    }
    const t = escapeText(b.text);
    if (b.kind === "heading") html += `<h3>${t}</h3>`;
    else if (b.kind === "list-item") html += `<li>${t}</li>`;
    else if (b.kind === "quote") html += `<blockquote>${t}</blockquote>`;
    else html += `<p>${t}</p>`;
  }
  if (inList) html += "</ul>";
  return html;
}
function generateStories(n, opts) {
  const seed = opts.seed ?? 1;
  const r = seededRng(seed);
  const sourceCount = Math.max(1, Math.floor(opts.sources ?? 8));
  const windowMs = (opts.windowHours ?? 168) * 36e5;
  const end = opts.now.getTime() - 6e4;
  const idBase = ((seed >>> 0) % 9e3 + 1e3) * 1e6;
  const sources = Array.from({ length: sourceCount }, (_, i) => sourceAt(i));
  const stories2 = [];
  let count = 0;
  while (count < n) {
    const at = end - Math.floor(r() * windowMs);
    const s = makeStory(r, at);
    const roll = r();
    const wanted = roll < 0.4 ? 1 : roll < 0.7 ? 2 : roll < 0.9 ? 3 : 4;
    const size = Math.min(wanted, sourceCount, n - count);
    const writers = shuffle(r, sources.map((_, i) => i)).slice(0, size);
    const items2 = [];
    for (let k = 0; k < size; k++) {
      const src = sources[writers[k]];
      const idx = ++count;
      const published = Math.min(end, at + Math.floor(r() * 12 * 36e5));
      const blocks = itemBlocks(r, s, k);
      const canonical = `https://${src.slug}.example.kr/news/articleView.html?idxno=${idBase + idx}`;
      const tracked = r() < 0.15;
      items2.push({
        source: src.name,
        guid: `${src.slug}-${seed}-${idx}`,
        link: tracked ? `${canonical}&utm_source=rss&utm_medium=feed` : canonical,
        canonicalLink: canonical,
        title: wording(TITLES, s, k)(s),
        publishedAt: new Date(published).toISOString(),
        author: `${personName(r)} \uAE30\uC790`,
        html: blocksToHtml(blocks),
        blocks
      });
    }
    stories2.push({ id: `s${stories2.length + 1}`, topic: s.domain.key, subject: s.company, items: items2 });
  }
  return stories2;
}

// src/rank/lexicon.ts
var SUFFIXES = [
  /* @__PURE__ */ new Set(),
  // length 0 (unused)
  /* @__PURE__ */ new Set(["\uC740", "\uB294", "\uC774", "\uAC00", "\uC744", "\uB97C", "\uC758", "\uC5D0", "\uC640", "\uACFC", "\uB3C4", "\uB9CC", "\uB85C", "\uC11C", "\uB4E4", "\uD55C", "\uD560", "\uB41C", "\uB420", "\uD574", "\uB3FC", "\uC801"]),
  /* @__PURE__ */ new Set([
    "\uC5D0\uC11C",
    "\uC5D0\uAC8C",
    "\uC5D0\uB294",
    "\uC5D0\uB3C4",
    "\uC5D0\uC758",
    "\uC5D0\uC120",
    "\uC5D0\uB9CC",
    "\uC73C\uB85C",
    "\uC73C\uB860",
    "\uB85C\uC11C",
    "\uB85C\uC368",
    "\uB85C\uB294",
    "\uB85C\uB3C4",
    "\uB85C\uC758",
    "\uBD80\uD130",
    "\uAE4C\uC9C0",
    "\uBCF4\uB2E4",
    "\uCC98\uB7FC",
    "\uB9CC\uD07C",
    "\uB9C8\uB2E4",
    "\uC870\uCC28",
    "\uB9C8\uC800",
    "\uC774\uB098",
    "\uC774\uB780",
    "\uB77C\uB294",
    "\uB77C\uACE0",
    "\uB77C\uBA70",
    "\uC774\uBA70",
    "\uC774\uACE0",
    "\uACFC\uC758",
    "\uC640\uC758",
    "\uACFC\uB294",
    "\uC640\uB294",
    "\uACFC\uB3C4",
    "\uC640\uB3C4",
    "\uB4E4\uC740",
    "\uB4E4\uC774",
    "\uB4E4\uC744",
    "\uB4E4\uC758",
    "\uB4E4\uACFC",
    "\uB4E4\uB3C4",
    "\uB4E4\uC5D0",
    "\uD55C\uD14C",
    "\uAED8\uC11C",
    "\uC774\uB2E4",
    "\uC600\uB2E4",
    "\uC774\uC790",
    "\uD588\uB2E4",
    "\uD55C\uB2E4",
    "\uD558\uB294",
    "\uD558\uACE0",
    "\uD558\uBA70",
    "\uD558\uBA74",
    "\uD588\uACE0",
    "\uD588\uB358",
    "\uD558\uAE30",
    "\uD558\uB358",
    "\uD574\uC57C",
    "\uD574\uC11C",
    "\uB41C\uB2E4",
    "\uB410\uB2E4",
    "\uB418\uB294",
    "\uB418\uACE0",
    "\uB418\uBA70",
    "\uB410\uACE0",
    "\uB418\uAE30",
    "\uB418\uC5B4",
    "\uC2DC\uD0A8",
    "\uC801\uC778",
    "\uC5D0\uC11C"
  ]),
  /* @__PURE__ */ new Set([
    "\uC5D0\uC11C\uB294",
    "\uC5D0\uC11C\uB3C4",
    "\uC5D0\uC11C\uC758",
    "\uC5D0\uC11C\uB9CC",
    "\uC73C\uB85C\uB294",
    "\uC73C\uB85C\uB3C4",
    "\uC73C\uB85C\uC758",
    "\uC73C\uB85C\uC11C",
    "\uC73C\uB85C\uC368",
    "\uB85C\uBD80\uD130",
    "\uC5D0\uAC8C\uC11C",
    "\uC5D0\uAC8C\uB294",
    "\uB4E4\uC5D0\uAC8C",
    "\uC774\uB77C\uB294",
    "\uC774\uB77C\uACE0",
    "\uC774\uB77C\uBA70",
    "\uAE4C\uC9C0\uB294",
    "\uAE4C\uC9C0\uB3C4",
    "\uD588\uB2E4\uACE0",
    "\uD55C\uB2E4\uACE0",
    "\uD588\uC73C\uBA70",
    "\uD558\uBA74\uC11C",
    "\uD558\uAE30\uB85C",
    "\uD558\uACA0\uB2E4",
    "\uD588\uC9C0\uB9CC",
    "\uB410\uB2E4\uACE0",
    "\uB41C\uB2E4\uACE0",
    "\uB410\uC73C\uBA70",
    "\uB418\uBA74\uC11C",
    "\uC774\uC5C8\uB2E4",
    "\uC801\uC73C\uB85C",
    "\uD588\uB2E4\uB294",
    "\uD55C\uB2E4\uB294",
    "\uB41C\uB2E4\uB294",
    "\uB410\uB2E4\uB294",
    "\uD558\uC9C0\uB9CC",
    "\uC774\uC9C0\uB9CC",
    "\uD558\uB3C4\uB85D",
    "\uB418\uB3C4\uB85D",
    "\uD588\uB294\uB370",
    "\uD55C\uB2E4\uBA70",
    "\uD588\uB2E4\uBA70"
  ]),
  /* @__PURE__ */ new Set(["\uC5D0\uC11C\uBD80\uD130", "\uC73C\uB85C\uBD80\uD130", "\uD558\uACA0\uB2E4\uACE0", "\uD588\uB2E4\uBA74\uC11C", "\uC774\uB77C\uBA74\uC11C", "\uD55C\uB2E4\uBA74\uC11C", "\uD558\uACA0\uB2E4\uB294", "\uD560\uAC83\uC73C\uB85C"])
];
var KEEP_WHOLE = /* @__PURE__ */ new Set([
  "\uD55C\uBC18\uB3C4",
  "\uACBD\uAE30\uB3C4",
  "\uAC15\uC6D0\uB3C4",
  "\uC81C\uC8FC\uB3C4",
  "\uCDA9\uCCAD\uB3C4",
  "\uC804\uB77C\uB3C4",
  "\uACBD\uC0C1\uB3C4",
  "\uC6B8\uB989\uB3C4",
  "\uB9C8\uC774\uD06C\uB85C",
  "\uBCF4\uACE0\uC11C",
  "\uACC4\uC57D\uC11C",
  "\uC124\uBA85\uC11C",
  "\uC99D\uBA85\uC11C",
  "\uC758\uACAC\uC11C",
  "\uC2E0\uCCAD\uC11C",
  "\uACBD\uCC30\uC11C",
  "\uC18C\uBC29\uC11C",
  "\uC138\uBB34\uC11C",
  "\uAD50\uACFC\uC11C",
  "\uC804\uBB38\uAC00",
  "\uD3C9\uB860\uAC00",
  "\uC815\uCE58\uAC00",
  "\uC608\uC220\uAC00",
  "\uC0AC\uC5C5\uAC00",
  "\uAE30\uC5C5\uAC00",
  "\uC790\uBCF8\uAC00",
  "\uAC74\uCD95\uAC00",
  "\uC18C\uC124\uAC00",
  "\uC791\uACE1\uAC00",
  "\uC560\uD638\uAC00"
]);
var NOUNS_IN_NDA = /* @__PURE__ */ new Set(["\uD63C\uB2E4", "\uD310\uB2E4", "\uC544\uC820\uB2E4", "\uC5B4\uC820\uB2E4", "\uC6B0\uAC04\uB2E4", "\uB974\uC644\uB2E4", "\uD504\uB85C\uD30C\uAC04\uB2E4"]);
var STOP_WORDS = /* @__PURE__ */ new Set([
  // Korean
  "\uC788\uB2E4",
  "\uC788\uB294",
  "\uC788\uC73C\uBA70",
  "\uC788\uACE0",
  "\uC788\uC5B4",
  "\uC788\uC744",
  "\uC788\uC5C8\uB2E4",
  "\uC5C6\uB2E4",
  "\uC5C6\uB294",
  "\uAC83",
  "\uAC83\uC73C\uB85C",
  "\uAC83\uC774\uB2E4",
  "\uB4F1",
  "\uBC0F",
  "\uC704\uD574",
  "\uC704\uD55C",
  "\uD1B5\uD574",
  "\uB300\uD55C",
  "\uB300\uD574",
  "\uB300\uD574\uC11C",
  "\uB530\uB974\uBA74",
  "\uB530\uB77C",
  "\uBC1D\uD614\uB2E4",
  "\uB9D0\uD588\uB2E4",
  "\uC804\uD588\uB2E4",
  "\uC124\uBA85",
  "\uAC15\uC870",
  "\uB367\uBD99\uC600\uB2E4",
  "\uC9C0\uB09C",
  "\uC624\uB294",
  "\uC62C\uD574",
  "\uC791\uB144",
  "\uC9C0\uB09C\uD574",
  "\uB0B4\uB144",
  "\uC774\uBC88",
  "\uD604\uC7AC",
  "\uAD00\uB828",
  "\uC774\uB0A0",
  "\uB610\uD55C",
  "\uD558\uC9C0\uB9CC",
  "\uADF8\uB7EC\uB098",
  "\uD55C\uD3B8",
  "\uAC00\uC6B4\uB370",
  "\uCD5C\uADFC",
  "\uC608\uC815",
  "\uC774\uD6C4",
  "\uC774\uC804",
  "\uB2F9\uC2DC",
  "\uACBD\uC6B0",
  "\uB54C\uBB38",
  "\uB54C\uBB38\uC5D0",
  "\uC774\uC5B4",
  "\uC774\uC5D0",
  "\uADF8\uB294",
  "\uC774\uAC19\uC740",
  "\uC774\uB7EC\uD55C",
  "\uADF8\uB7EC\uBA74\uC11C",
  "\uC624\uC804",
  "\uC624\uD6C4",
  "\uAE30\uC900",
  "\uB300\uBE44",
  "\uAC01\uAC01",
  "\uBAA8\uB450",
  "\uB9CE\uC740",
  "\uAC00\uC7A5",
  "\uC774\uC0C1",
  "\uC774\uD558",
  "\uC815\uB3C4",
  "\uAE30\uC790",
  "\uD2B9\uD30C\uC6D0",
  "\uB274\uC2A4",
  "\uBB34\uB2E8",
  "\uC804\uC7AC",
  "\uC7AC\uBC30\uD3EC",
  "\uAE08\uC9C0",
  "\uC800\uC791\uAD8C",
  "\uC81C\uACF5",
  "\uC0AC\uC9C4",
  "\uADF8\uB9AC\uACE0",
  "\uC774\uB97C",
  "\uC774\uB294",
  "\uC774\uC640",
  "\uD568\uAED8",
  "\uBAA8\uB4E0",
  "\uB2E4\uB978",
  "\uAC19\uC740",
  "\uC0C8\uB85C\uC6B4",
  "\uC8FC\uC694",
  "\uB2E4\uC591\uD55C",
  "\uBCF4\uC778\uB2E4",
  "\uBCF4\uC600\uB2E4",
  "\uB098\uD0C0\uB0AC\uB2E4",
  "\uD588\uB2E4",
  "\uD55C\uB2E4",
  "\uB410\uB2E4",
  "\uB41C\uB2E4",
  "\uD558\uB294",
  "\uC774\uB77C\uACE0",
  "\uC774\uB2E4",
  "\uC544\uB2C8\uB77C",
  "\uBFD0",
  "\uB610",
  "\uB354",
  "\uC218",
  "\uC911",
  "\uC57D",
  "\uCD1D",
  "\uC0C8",
  "\uADF8",
  "\uC774",
  "\uC800",
  "\uBC0F",
  "\uB4F1\uC758",
  "\uAC83\uC740",
  "\uAC83\uC744",
  "\uAC83\uC774",
  "\uD588\uB2E4\uACE0",
  "\uB77C\uACE0",
  "\uB2E4\uB9CC",
  "\uD2B9\uD788",
  "\uB9CC\uC5D0",
  "\uB9CC\uC758",
  "\uC774\uB77C\uBA70",
  "\uD588\uC73C\uBA70",
  "\uB610\uB294",
  "\uC544\uC6B8\uB7EC",
  "\uC6B0\uB9AC",
  "\uB2E4\uC2DC",
  "\uBC14\uB85C",
  "\uC55E\uC11C",
  "\uC774\uBBF8",
  "\uACC4\uC18D",
  "\uC774\uBC88\uC5D0",
  // English
  "the",
  "a",
  "an",
  "of",
  "and",
  "or",
  "in",
  "on",
  "at",
  "to",
  "for",
  "with",
  "by",
  "from",
  "as",
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "it",
  "its",
  "this",
  "that",
  "these",
  "those",
  "said",
  "says",
  "will",
  "has",
  "have",
  "had",
  "not",
  "but",
  "than",
  "into",
  "about",
  "after",
  "over",
  "new",
  "more",
  "also",
  "which",
  "who",
  "www",
  "com",
  "http",
  "https",
  "html"
]);
var ONE_SYLLABLE_NOUNS = /* @__PURE__ */ new Set([
  "\uCE69",
  "\uC571",
  "\uB9DD",
  "\uBC95",
  "\uC138",
  "\uAC12",
  "\uB3C8",
  "\uAE08",
  "\uC300",
  "\uC9D1",
  "\uD3F0",
  "\uBD07",
  "\uD339",
  "\uBE5A",
  "\uB545",
  "\uBE5B",
  "\uC554",
  "\uC220",
  "\uCC45",
  "\uC12C",
  "\uB310",
  "\uB1CC"
]);
var DATE_UNITS = /* @__PURE__ */ new Set([
  "\uB144",
  "\uC6D4",
  "\uC77C",
  "\uC2DC",
  "\uBD84",
  "\uCD08",
  "\uC8FC",
  "\uC2DC\uAC04",
  "\uC77C\uAC04",
  "\uC8FC\uAC04",
  "\uB144\uAC04",
  "\uB144\uB3C4",
  "\uC77C\uC790",
  "\uC2DC\uAED8",
  "\uC77C\uAED8"
]);
var BUILTIN_ALIASES = [
  ["\uC5D4\uBE44\uB514\uC544", "nvidia"],
  ["\uC624\uD508ai", "openai", "\uC624\uD508\uC5D0\uC774\uC544\uC774", "open ai"],
  ["\uC0BC\uC131\uC804\uC790", "samsung", "\uC0BC\uC131", "samsung electronics"],
  ["sk\uD558\uC774\uB2C9\uC2A4", "\uD558\uC774\uB2C9\uC2A4", "hynix", "skhynix", "sk hynix"],
  ["lg\uC804\uC790", "lg electronics"],
  ["\uAD6C\uAE00", "google", "\uC54C\uD30C\uBCB3", "alphabet"],
  ["\uC560\uD50C", "apple"],
  ["\uB9C8\uC774\uD06C\uB85C\uC18C\uD504\uD2B8", "microsoft", "\uB9C8\uC18C", "msft"],
  ["\uBA54\uD0C0", "meta", "\uBA54\uD0C0\uD50C\uB7AB\uD3FC\uC2A4"],
  ["\uC544\uB9C8\uC874", "amazon", "\uC544\uB9C8\uC874\uB2F7\uCEF4"],
  ["aws", "\uC544\uB9C8\uC874\uC6F9\uC11C\uBE44\uC2A4", "amazon web services"],
  ["\uD14C\uC2AC\uB77C", "tesla"],
  ["\uC778\uD154", "intel"],
  ["\uD004\uCEF4", "qualcomm"],
  ["tsmc", "\uB300\uB9CC\uBC18\uB3C4\uCCB4\uC81C\uC870", "\uD2F0\uC5D0\uC2A4\uC5E0\uC528"],
  ["\uB124\uC774\uBC84", "naver"],
  ["\uCE74\uCE74\uC624", "kakao"],
  ["\uC564\uD2B8\uB85C\uD53D", "anthropic", "\uC564\uC2A4\uB85C\uD53D"],
  ["\uB525\uC2DC\uD06C", "deepseek"],
  ["\uCC57gpt", "chatgpt", "\uCC57\uC9C0\uD53C\uD2F0"],
  ["\uC778\uACF5\uC9C0\uB2A5", "ai", "\uC5D0\uC774\uC544\uC774"],
  ["\uD604\uB300\uCC28", "\uD604\uB300\uC790\uB3D9\uCC28", "hyundai"],
  ["\uBA38\uC2A4\uD06C", "musk", "\uC77C\uB860\uBA38\uC2A4\uD06C"],
  ["\uD2B8\uB7FC\uD504", "trump"],
  ["\uC720\uB7FD\uC5F0\uD569", "eu"],
  ["\uBC18\uB3C4\uCCB4", "semiconductor", "semiconductors"]
];
var HANJA_ABBREVIATIONS = {
  \u7F8E: "\uBBF8\uAD6D",
  \u4E2D: "\uC911\uAD6D",
  \u65E5: "\uC77C\uBCF8",
  \u97D3: "\uD55C\uAD6D",
  \u5317: "\uBD81\uD55C",
  \u82F1: "\uC601\uAD6D",
  \u7368: "\uB3C5\uC77C",
  \u4F5B: "\uD504\uB791\uC2A4",
  \u8207: "\uC5EC\uB2F9",
  \u91CE: "\uC57C\uB2F9",
  \u9751: "\uCCAD\uC640\uB300",
  \u8ECD: "\uAD70",
  \u4F01: "\uAE30\uC5C5"
};

// src/rank/words.ts
var isHangul = (c) => c >= 44032 && c <= 55203;
var isDigit = (c) => c >= 48 && c <= 57;
var isLatin = (c) => c >= 97 && c <= 122;
function stripSuffix(word, minRest = 2) {
  if (KEEP_WHOLE.has(word)) return word;
  for (let len = Math.min(4, word.length - 1); len >= 1; len--) {
    const need = len === 1 ? minRest : 1;
    if (word.length - len < need) continue;
    if (SUFFIXES[len]?.has(word.slice(word.length - len))) return word.slice(0, word.length - len);
  }
  return word;
}
function isPredicate(stem) {
  if (stem.length < 2 || stem.charCodeAt(stem.length - 1) !== 45796) return false;
  const prev = stem.charCodeAt(stem.length - 2);
  if (!isHangul(prev)) return false;
  const final = (prev - 44032) % 28;
  return final === 20 || final === 4 && !NOUNS_IN_NDA.has(stem);
}
function numberTerm(run) {
  let k = 0;
  while (k < run.length) {
    const c = run.charCodeAt(k);
    if (!isDigit(c) && c !== 46 && c !== 44) break;
    k++;
  }
  let num = run.slice(0, k).replace(/,/g, "");
  if (num.endsWith(".")) num = num.slice(0, -1);
  let unit = run.slice(k);
  if (unit.length > 0 && isHangul(unit.charCodeAt(0))) {
    if (SUFFIXES[unit.length]?.has(unit)) unit = "";
    unit = stripSuffix(unit, 1);
    if (unit.length >= 2 && unit.endsWith("\uC6D0")) unit = unit.slice(0, -1);
    if (unit === "\uD37C\uC13C\uD2B8" || unit === "\uD504\uB85C") unit = "%";
  }
  if (DATE_UNITS.has(unit)) return void 0;
  if (unit === "" && (num.length < 3 || /^(?:19|20)\d\d$/.test(num))) return void 0;
  return num + unit;
}
function stemAndBigrams(stem, out) {
  out(stem, false);
  if (stem.length >= 3) for (let i = 0; i + 2 <= stem.length; i++) out(stem.slice(i, i + 2), true);
}
function emitAlias(canonical, out) {
  if (isHangul(canonical.charCodeAt(0)) && isHangul(canonical.charCodeAt(canonical.length - 1))) stemAndBigrams(canonical, out);
  else out(canonical, false);
}
function hangulRun(run, aliases, out) {
  if (SUFFIXES[run.length]?.has(run)) return;
  const stem = stripSuffix(run);
  const alias = aliases.get(stem);
  if (alias !== void 0) return emitAlias(alias, out);
  if (stem.length < 2) {
    const head = run.charAt(0);
    if (ONE_SYLLABLE_NOUNS.has(head) && (run.length === 1 || SUFFIXES[1]?.has(run.charAt(1)))) out(head, false);
    return;
  }
  if (run.length === 2 && ONE_SYLLABLE_NOUNS.has(run.charAt(0)) && SUFFIXES[1]?.has(run.charAt(1))) {
    out(run.charAt(0), false);
    return;
  }
  if (isPredicate(stem) || STOP_WORDS.has(stem) || STOP_WORDS.has(run)) return;
  stemAndBigrams(stem, out);
}
function chunkTerms(chunk, aliases, out) {
  const whole = aliases.get(chunk) ?? (isHangul(chunk.charCodeAt(chunk.length - 1)) ? aliases.get(stripSuffix(chunk)) : void 0);
  if (whole !== void 0) return emitAlias(whole, out);
  let i = 0;
  while (i < chunk.length) {
    const c = chunk.charCodeAt(i);
    const start = i;
    if (isHangul(c)) {
      while (i < chunk.length && isHangul(chunk.charCodeAt(i))) i++;
      hangulRun(chunk.slice(start, i), aliases, out);
    } else if (isLatin(c)) {
      while (i < chunk.length && (isLatin(chunk.charCodeAt(i)) || isDigit(chunk.charCodeAt(i)))) i++;
      const run = chunk.slice(start, i);
      const alias = aliases.get(run);
      if (alias !== void 0) emitAlias(alias, out);
      else if (run.length >= 2 && !STOP_WORDS.has(run)) out(run, false);
    } else if (isDigit(c)) {
      while (i < chunk.length && (isDigit(chunk.charCodeAt(i)) || chunk.charCodeAt(i) === 46 || chunk.charCodeAt(i) === 44)) i++;
      if (i < chunk.length && chunk.charCodeAt(i) === 37) i++;
      else if (i < chunk.length && isLatin(chunk.charCodeAt(i))) while (i < chunk.length && (isLatin(chunk.charCodeAt(i)) || isDigit(chunk.charCodeAt(i)))) i++;
      else while (i < chunk.length && isHangul(chunk.charCodeAt(i))) i++;
      const n = numberTerm(chunk.slice(start, i));
      if (n !== void 0) out(n, false);
    } else {
      i++;
    }
  }
}

// src/rank/tokenize.ts
var BIGRAM_WEIGHT = 0.5;
function normalizeWord(word) {
  return word.normalize("NFKC").toLowerCase().trim();
}
function fold(c) {
  if (c >= 44032 && c <= 55203) return c;
  if (c >= 97 && c <= 122) return c;
  if (c >= 48 && c <= 57) return c;
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 65296 && c <= 65305) return c - 65248;
  if (c >= 65345 && c <= 65370) return c - 65248;
  if (c >= 65313 && c <= 65338) return c - 65248 + 32;
  return -1;
}
var isDigitCode = (c) => c >= 48 && c <= 57;
function buildAliases(extra) {
  const groups = [...BUILTIN_ALIASES, ...extra].map((g) => g.map(normalizeWord).filter((w) => w.length > 0));
  const canonicalOf = /* @__PURE__ */ new Map();
  for (const group of groups) {
    const known = group.map((w) => canonicalOf.get(w)).find((c) => c !== void 0);
    const first = group.find((w) => !/\s/.test(w)) ?? group[0]?.replace(/\s+/g, "") ?? "";
    const canonical = known ?? first;
    if (!canonical) continue;
    for (const w of group) canonicalOf.set(w, canonical);
  }
  const words = /* @__PURE__ */ new Map();
  const phrases = /* @__PURE__ */ new Map();
  for (const [w, canonical] of canonicalOf) {
    const parts = w.split(/\s+/);
    if (parts.length === 1) {
      words.set(w, canonical);
      continue;
    }
    const [head, ...rest] = parts;
    if (!head) continue;
    const list = phrases.get(head) ?? [];
    list.push({ rest, canonical });
    list.sort((a, b) => b.rest.join(" ").length - a.rest.join(" ").length);
    phrases.set(head, list);
  }
  return { words, phrases };
}
var EMPTY = new Int32Array(0);
var Analyzer = class {
  /** Term strings by id. */
  terms = [];
  ids = /* @__PURE__ */ new Map();
  /** 1 for a term seen as a whole word (a stem, a Latin word, a number, an alias), 0 for a bigram only. */
  wholeWord = new Uint8Array(1 << 12);
  aliases;
  // Chunk cache: open addressing on (hash, folded chunk).
  keys = new Array(1 << 12);
  hashes = new Int32Array(1 << 12);
  /** Term ids per chunk, as [start, end) into `pool`; a negative id -(id + 1) marks a bigram. */
  starts = new Int32Array(1 << 12);
  ends = new Int32Array(1 << 12);
  pool = new Int32Array(1 << 16);
  poolSize = 0;
  /** 1 when the chunk is the first word of a multi-word alias. */
  phraseHeads = new Uint8Array(1 << 12);
  size = 0;
  hanja = /* @__PURE__ */ new Map();
  constructor(extraAliases = []) {
    this.aliases = buildAliases(extraAliases);
    for (const [ch, word] of Object.entries(HANJA_ABBREVIATIONS)) this.hanja.set(ch.charCodeAt(0), this.termsOf(word));
  }
  get vocabularySize() {
    return this.terms.length;
  }
  /** Id of a term, interning it if new. */
  idOf(term) {
    let id = this.ids.get(term);
    if (id === void 0) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
    }
    return id;
  }
  /** Whether term `id` was seen as a whole word, not only as a Hangul bigram. */
  isWholeWord(id) {
    return this.wholeWord[id] === 1;
  }
  markWhole(id) {
    if (id >= this.wholeWord.length) {
      const grown = new Uint8Array(Math.max(this.wholeWord.length * 2, id + 1));
      grown.set(this.wholeWord);
      this.wholeWord = grown;
    }
    this.wholeWord[id] = 1;
  }
  /** Id of a known term, or undefined. */
  lookup(term) {
    return this.ids.get(term);
  }
  /** The terms of `text` as strings, in order (bigrams included). */
  tokens(text) {
    const out = [];
    this.analyze(text, 1, { add: (id) => out.push(this.terms[id] ?? "") });
    return out;
  }
  /** Feed every term of `text` to `sink`, weighted `mul` (bigrams BIGRAM_WEIGHT × mul). */
  analyze(text, mul, sink) {
    const n = text.length;
    const half = mul * BIGRAM_WEIGHT;
    let i = 0;
    while (i < n) {
      const raw = text.charCodeAt(i);
      if (fold(raw) < 0) {
        const hanja = raw >= 19968 && raw <= 40959 ? this.hanja.get(raw) : void 0;
        if (hanja) emit(hanja, sink, mul, half);
        i++;
        continue;
      }
      const start = i;
      let h = 2166136261 | 0;
      let prev = -1;
      let folded = false;
      while (i < n) {
        const r = text.charCodeAt(i);
        let c = fold(r);
        if (c < 0) {
          if ((r === 46 || r === 44) && isDigitCode(prev) && i + 1 < n && isDigitCode(text.charCodeAt(i + 1))) {
            c = r;
          } else {
            if (r === 37 && isDigitCode(prev)) {
              h = Math.imul(h ^ r, 16777619);
              i++;
            }
            break;
          }
        } else if (c !== r) {
          folded = true;
        }
        h = Math.imul(h ^ c, 16777619);
        prev = c;
        i++;
      }
      const slot = this.find(text, start, i, h, folded);
      if (this.phraseHeads[slot] === 1) {
        const end = this.phrase(text, i, this.keys[slot] ?? "", sink, mul, half);
        if (end > i) {
          i = end;
          continue;
        }
      }
      const pool = this.pool;
      for (let k = this.starts[slot], e = this.ends[slot]; k < e; k++) {
        const id = pool[k];
        if (id >= 0) sink.add(id, mul);
        else sink.add(-id - 1, half);
      }
    }
  }
  /** Slot of the chunk text[start, end) in the cache, analysing it on a miss. */
  find(text, start, end, h, folded) {
    const len = end - start;
    let mask = this.keys.length - 1;
    let slot = h & mask;
    for (; ; ) {
      const key = this.keys[slot];
      if (key === void 0) break;
      if (this.hashes[slot] === h && key.length === len && sameFolded(key, text, start)) return slot;
      slot = slot + 1 & mask;
    }
    if ((this.size + 1) * 2 > this.keys.length) {
      this.grow();
      mask = this.keys.length - 1;
      slot = h & mask;
      while (this.keys[slot] !== void 0) slot = slot + 1 & mask;
    }
    const chunk = folded ? foldString(text, start, end) : text.slice(start, end);
    const terms = this.termsOf(chunk);
    if (this.poolSize + terms.length > this.pool.length) {
      const grown = new Int32Array(Math.max(this.pool.length * 2, this.poolSize + terms.length));
      grown.set(this.pool);
      this.pool = grown;
    }
    this.pool.set(terms, this.poolSize);
    this.keys[slot] = chunk;
    this.hashes[slot] = h;
    this.starts[slot] = this.poolSize;
    this.poolSize += terms.length;
    this.ends[slot] = this.poolSize;
    this.phraseHeads[slot] = this.aliases.phrases.has(chunk) ? 1 : 0;
    this.size++;
    return slot;
  }
  grow() {
    const { keys, hashes, starts, ends, phraseHeads } = this;
    const cap = keys.length * 2;
    this.keys = new Array(cap);
    this.hashes = new Int32Array(cap);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
    this.phraseHeads = new Uint8Array(cap);
    const mask = cap - 1;
    for (let s = 0; s < keys.length; s++) {
      const key = keys[s];
      if (key === void 0) continue;
      const h = hashes[s] ?? 0;
      let slot = h & mask;
      while (this.keys[slot] !== void 0) slot = slot + 1 & mask;
      this.keys[slot] = key;
      this.hashes[slot] = h;
      this.starts[slot] = starts[s] ?? 0;
      this.ends[slot] = ends[s] ?? 0;
      this.phraseHeads[slot] = phraseHeads[s] ?? 0;
    }
  }
  /** Term ids of one chunk (or word), bigrams as -(id + 1). */
  termsOf(chunk) {
    const out = [];
    chunkTerms(chunk, this.aliases.words, (term, bigram) => {
      const id = this.idOf(term);
      if (!bigram) this.markWhole(id);
      out.push(bigram ? -id - 1 : id);
    });
    return out.length ? Int32Array.from(out) : EMPTY;
  }
  /**
   * A multi-word alias starting with `head` and continuing at text[from]: emit it and
   * return where it ends, or return `from` when none matches.
   */
  phrase(text, from, head, sink, mul, half) {
    for (const p of this.aliases.phrases.get(head) ?? []) {
      let pos = from;
      let ok = true;
      for (const word of p.rest) {
        const gap = pos;
        while (pos < text.length && /\s/.test(text.charAt(pos))) pos++;
        if (pos === gap || pos + word.length > text.length || !sameFolded(word, text, pos)) {
          ok = false;
          break;
        }
        pos += word.length;
      }
      const next = pos < text.length ? fold(text.charCodeAt(pos)) : -1;
      if (!ok || next >= 0 && !(next >= 44032 && next <= 55203)) continue;
      const out = [];
      emitAlias(p.canonical, (term, bigram) => {
        const id = this.idOf(term);
        if (!bigram) this.markWhole(id);
        out.push(bigram ? -id - 1 : id);
      });
      emit(Int32Array.from(out), sink, mul, half);
      return pos;
    }
    return from;
  }
};
function emit(ids, sink, mul, half) {
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    if (id >= 0) sink.add(id, mul);
    else sink.add(-id - 1, half);
  }
}
function sameFolded(key, text, start) {
  for (let k = 0; k < key.length; k++) {
    const r = text.charCodeAt(start + k);
    const c = fold(r);
    if ((c < 0 ? r : c) !== key.charCodeAt(k)) return false;
  }
  return true;
}
function foldString(text, start, end) {
  let s = "";
  for (let k = start; k < end; k++) {
    const r = text.charCodeAt(k);
    const c = fold(r);
    s += String.fromCharCode(c < 0 ? r : c);
  }
  return s;
}

// src/rank/vectors.ts
var TITLE_WEIGHT = 2;
var BODY_CHARS = 400;
var MAX_ITEM_TERMS = 120;
var EMPTY_VECTOR = { ids: new Int32Array(0), weights: new Float64Array(0) };
function cutAtSpace(text, limit) {
  const cut = text.lastIndexOf(" ", limit);
  return text.slice(0, cut > 0 ? cut : limit);
}
var INDEX_BITS = 2 ** 21;
var SORTED_TERMS = 40;
function selectSmallest(keys, lo, hi, k) {
  const target = lo + k;
  while (hi > lo) {
    const pivot = keys[lo + hi >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i] < pivot) i++;
      while (keys[j] > pivot) j--;
      if (i <= j) {
        const t = keys[i];
        keys[i] = keys[j];
        keys[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}
var scratchKeys = new Float64Array(1024);
var BLOCK = 1 << 16;
var idBlock = new Int32Array(BLOCK);
var weightBlock = new Float64Array(BLOCK);
var blockUsed = 0;
function allocate(n) {
  if (n > BLOCK / 4) return { ids: new Int32Array(n), weights: new Float64Array(n) };
  if (blockUsed + n > BLOCK) {
    idBlock = new Int32Array(BLOCK);
    weightBlock = new Float64Array(BLOCK);
    blockUsed = 0;
  }
  const v = { ids: idBlock.subarray(blockUsed, blockUsed + n), weights: weightBlock.subarray(blockUsed, blockUsed + n) };
  blockUsed += n;
  return v;
}
function finishVector(ids, weights, maxTerms = Infinity) {
  const n0 = ids.length;
  if (n0 >= INDEX_BITS) throw new RangeError("vector too long");
  if (scratchKeys.length < n0) scratchKeys = new Float64Array(Math.max(n0, scratchKeys.length * 2));
  const keys = scratchKeys;
  let m = 0;
  for (let i = 0; i < n0; i++) {
    const w = weights[i];
    if (w > 0) keys[m++] = -Math.round(w * 1e6) * INDEX_BITS + i;
  }
  const n = Math.min(m, maxTerms);
  if (m > n) selectSmallest(keys, 0, m - 1, n);
  const ordered = Math.min(n, SORTED_TERMS);
  if (n > ordered) selectSmallest(keys, 0, n - 1, ordered);
  keys.subarray(0, ordered).sort();
  const out = allocate(n);
  const outIds = out.ids;
  const outW = out.weights;
  let norm = 0;
  for (let k = 0; k < n; k++) {
    const key = keys[k];
    const i = key - Math.floor(key / INDEX_BITS) * INDEX_BITS;
    outIds[k] = ids[i];
    const w = weights[i];
    outW[k] = w;
    norm += w * w;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let k = 0; k < n; k++) outW[k] = outW[k] * inv;
  }
  return out;
}
var TermCounts = class {
  weights = new Float64Array(1 << 14);
  touched = [];
  add(id, weight) {
    if (id >= this.weights.length) {
      const grown = new Float64Array(Math.max(this.weights.length * 2, id + 1));
      grown.set(this.weights);
      this.weights = grown;
    }
    if (this.weights[id] === 0) this.touched.push(id);
    this.weights[id] = this.weights[id] + weight;
  }
};
function buildVectors(docs, analyzer) {
  const counts = new TermCounts();
  let termIds = new Int32Array(1 << 16);
  let tfs = new Float64Array(1 << 16);
  const offsets = new Int32Array(docs.length + 1);
  let used = 0;
  for (let k = 0; k < docs.length; k++) {
    const doc = docs[k];
    counts.touched.length = 0;
    analyzer.analyze(doc.title, TITLE_WEIGHT, counts);
    let chars = 0;
    for (const b of doc.blocks) {
      if (b.kind === "heading") continue;
      const room = BODY_CHARS - chars;
      if (room <= 0) break;
      const text = b.text.length <= room ? b.text : chars > 0 ? "" : cutAtSpace(b.text, room);
      if (!text) break;
      analyzer.analyze(text, 1, counts);
      chars += text.length + 1;
    }
    const touched = counts.touched;
    if (used + touched.length > termIds.length) {
      const cap = Math.max(termIds.length * 2, used + touched.length);
      const ids2 = new Int32Array(cap);
      ids2.set(termIds);
      termIds = ids2;
      const tf2 = new Float64Array(cap);
      tf2.set(tfs);
      tfs = tf2;
    }
    const w = counts.weights;
    for (let j = 0; j < touched.length; j++) {
      const id = touched[j];
      termIds[used] = id;
      tfs[used++] = w[id];
      w[id] = 0;
    }
    offsets[k + 1] = used;
  }
  const df = new Float64Array(analyzer.vocabularySize);
  for (let j = 0; j < used; j++) df[termIds[j]] = df[termIds[j]] + 1;
  const n = docs.length;
  const idf = new Float64Array(df.length);
  for (let t = 0; t < df.length; t++) idf[t] = df[t] > 0 ? Math.log(1 + n / df[t]) : 0;
  const out = new Array(n);
  for (let j = 0; j < used; j++) tfs[j] = Math.log1p(tfs[j]) * idf[termIds[j]];
  for (let k = 0; k < n; k++) {
    const from = offsets[k];
    const to = offsets[k + 1];
    out[k] = finishVector(termIds.subarray(from, to), tfs.subarray(from, to), MAX_ITEM_TERMS);
  }
  return out;
}

// .tmp-vec.ts
var stories = generateStories(2e3, { seed: 7, now: /* @__PURE__ */ new Date("2026-11-23T00:00:00Z") });
var items = stories.flatMap((s) => s.items);
for (let r = 0; r < 40; r++) buildVectors(items, new Analyzer());
