/**
 * The files `briefing init` writes: a commented config, a subscriber list and a
 * .gitignore, in Korean or English. Pure: text in, text out.
 */
import type { Locale } from '../types.js';

export interface StarterFile {
  name: string;
  text: string;
}

const KO_CONFIG = `# briefing 설정 파일. 키와 기본값 전체는 패키지의 docs/config.md에 있습니다.
# 상대 경로는 이 파일이 있는 폴더를 기준으로 읽습니다.
newsletter:
  title: 우리 팀 브리핑          # 메일 제목과 머리글에 쓰입니다
  locale: ko                    # ko | en: 라벨과 문장 규칙의 언어
  timezone: Asia/Seoul          # IANA 시간대: 발송 일정, 호 번호(날짜), 기사 날짜
  schedule: "0 7 * * 1"         # cron: 매주 월요일 07:00 (briefing schedule이 따릅니다)
  window: 7d                    # 이보다 오래된 기사는 고르지 않습니다
  topStories: 3                 # 머리기사 수
  headlines: 8                  # 그 아래 한 줄 헤드라인 수
  # baseUrl: https://news.example.com   # 공개 주소: 원클릭 구독 해지, 웹에서 보기, 아카이브 (SMTP 발송에 필요)

# RSS/Atom 피드. name은 출처 줄에 발행처로 나옵니다. weight는 1보다 크면 더 앞에 섭니다.
sources:
  - { name: 연합뉴스 경제, url: "https://www.yna.co.kr/rss/economy.xml", weight: 1 }
  - { name: 한국경제 IT, url: "https://www.hankyung.com/feed/it", weight: 1 }

delivery:
  transport: outbox             # outbox: outbox/<호>/recipients/에 .eml을 씁니다 | smtp: 실제로 보냅니다
  from: "우리 팀 브리핑 <briefing@example.com>"
  # smtp: { host: smtp.example.com, port: 587, secure: false, user: briefing, passwordEnv: SMTP_PASSWORD }

subscribers: subscribers.csv    # email,name,topics — 발송 전에 저장소에 합쳐집니다
`;

const EN_CONFIG = `# briefing configuration. Every key and its default: docs/config.md in the package.
# Relative paths are read from the folder of this file.
newsletter:
  title: Team Briefing          # in the subject and the masthead
  locale: en                    # ko | en: language of the labels and the composing rules
  timezone: Europe/London       # IANA timezone: the schedule, issue ids (dates), dates in source lines
  schedule: "0 7 * * 1"         # cron: 07:00 every Monday (what briefing schedule follows)
  window: 7d                    # items older than this are not picked
  topStories: 3                 # top stories an issue leads with
  headlines: 8                  # one-line headlines below them
  # baseUrl: https://news.example.com   # public address: one-click unsubscribe, view in browser, archive (needed to send over SMTP)

# RSS/Atom feeds. name is shown as the publisher in source lines; a weight above 1 ranks a source higher.
sources:
  - { name: BBC Business, url: "https://feeds.bbci.co.uk/news/business/rss.xml", weight: 1 }
  - { name: The Guardian Technology, url: "https://www.theguardian.com/uk/technology/rss", weight: 1 }

delivery:
  transport: outbox             # outbox: writes .eml files to outbox/<issue>/recipients/ | smtp: sends them
  from: "Team Briefing <briefing@example.com>"
  # smtp: { host: smtp.example.com, port: 587, secure: false, user: briefing, passwordEnv: SMTP_PASSWORD }

subscribers: subscribers.csv    # email,name,topics: merged into the store before each delivery
`;

const SUBSCRIBERS: Record<Locale, string> = {
  ko: 'email,name,topics\nreader@example.com,김독자,\n',
  en: 'email,name,topics\nreader@example.com,Alex Reader,\n',
};

const GITIGNORE = `# briefing: the store and the written issues
data/
outbox/
`;

export const STARTER_CONFIG = 'briefing.config.yaml';

export function starterFiles(locale: Locale): StarterFile[] {
  return [
    { name: STARTER_CONFIG, text: locale === 'en' ? EN_CONFIG : KO_CONFIG },
    { name: 'subscribers.csv', text: SUBSCRIBERS[locale] },
    { name: '.gitignore', text: GITIGNORE },
  ];
}
