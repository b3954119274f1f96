//! The site on the shipped drafts: the pages planned, the search index, and the
//! incremental build (a second build rewrites nothing; changing one draft rewrites only
//! the pages made from it).
