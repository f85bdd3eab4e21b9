/** fenci over HTTP: {@link dev.fenci.server.SegmentServer}. */
module dev.fenci.server {
  requires transitive dev.fenci;
  requires jdk.httpserver;

  exports dev.fenci.server;
}
