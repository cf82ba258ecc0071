/** Real-shaped HTML article pages and RSS/Atom documents for the feed tests. */

export interface Story {
  readonly title: string;
  readonly site?: string;
  readonly published?: string;
  readonly paragraphs: readonly string[];
  readonly canonical?: string;
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An article page as news sites serve them: navigation, ads, a newsletter box, a sidebar and a footer around the text. */
export function articlePage(story: Story): string {
  const meta = [
    story.site ? `<meta property="og:site_name" content="${escape(story.site)}">` : '',
    `<meta property="og:title" content="${escape(story.title)}">`,
    story.published ? `<meta property="article:published_time" content="${story.published}">` : '',
    story.canonical ? `<link rel="canonical" href="${escape(story.canonical)}">` : '',
  ].join('\n    ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${escape(story.title)}${story.site ? ` | ${escape(story.site)}` : ''}</title>
    ${meta}
    <script>window.dataLayer = [{ page: "article" }];</script>
    <style>.ad { border: 1px solid #ccc }</style>
  </head>
  <body>
    <header class="site-header">
      <a class="logo" href="/">${escape(story.site ?? 'News')}</a>
      <nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
    </header>
    <div class="ad ad-leaderboard" id="ad-top">Advertisement<br><a href="https://ads.example/click">Cheap flights to anywhere — book now!</a></div>
    <main id="content">
      <article class="story">
        <h1 class="headline">${escape(story.title)}</h1>
        <p class="byline">By Staff Reporter</p>
        <div class="story-body">
          ${story.paragraphs.map((p, i) => `<p>${escape(p)}</p>${i === 1 ? '\n          <div class="ad ad-inline">Advertisement</div>' : ''}`).join('\n          ')}
        </div>
        <div class="share-tools"><a href="https://social.example/share">Share on Social</a></div>
      </article>
      <div class="newsletter-signup"><h3>Subscribe to our newsletter</h3><form><input type="email"><button>Sign up</button></form></div>
    </main>
    <aside class="sidebar"><h3>Most read</h3><ol><li><a href="/celebrity">Celebrity wedding photos stun fans</a></li><li><a href="/recipes">Ten quick dinners for busy weeknights</a></li></ol></aside>
    <footer class="site-footer"><p>© 2024 ${escape(story.site ?? 'News')}. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
  </body>
</html>`;
}

export interface FeedEntry {
  readonly title: string;
  readonly link: string;
  readonly id?: string;
  readonly summary?: string;
  readonly published?: string;
}

/** An RSS 2.0 document, with the namespaces, CDATA and guids real feeds carry. */
export function rssFeed(title: string, site: string, items: readonly FeedEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escape(title)}</title>
    <link>${escape(site)}</link>
    <atom:link href="${escape(site)}/feed.xml" rel="self" type="application/rss+xml"/>
    <description>Latest news</description>
    <language>en-gb</language>
${items
  .map(
    (item) => `    <item>
      <title><![CDATA[${item.title}]]></title>
      <link>${escape(item.link)}</link>
      <guid isPermaLink="${item.id ? 'false' : 'true'}">${escape(item.id ?? item.link)}</guid>
      ${item.summary ? `<description><![CDATA[<p>${item.summary}</p>]]></description>` : ''}
      ${item.published ? `<pubDate>${new Date(item.published).toUTCString()}</pubDate>` : ''}
    </item>`,
  )
  .join('\n')}
  </channel>
</rss>`;
}

/** An Atom 1.0 document with relative links, as some CMSs publish. */
export function atomFeed(title: string, items: readonly FeedEntry[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">${escape(title)}</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2024-05-04T12:00:00Z</updated>
${items
  .map(
    (item) => `  <entry>
    <title type="html">${escape(escape(item.title))}</title>
    <link rel="alternate" type="text/html" href="${escape(item.link)}"/>
    <id>${escape(item.id ?? item.link)}</id>
    ${item.published ? `<published>${item.published}</published><updated>${item.published}</updated>` : ''}
    ${item.summary ? `<summary>${escape(item.summary)}</summary>` : ''}
  </entry>`,
  )
  .join('\n')}
</feed>`;
}
