/* Material fetches sitemap.xml beside every <link rel="alternate"> to map
   language roots; our hreflang links point at single pages, so each page
   would request a missing file per language. Hide them from Material (the
   same alternates are in sitemap.xml for search engines). Runs before the
   bundle. */
document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) {
  link.setAttribute("rel", "alternate-hreflang");
});
