// Owned by a dashboard engineer: replace this whole file.
export default function WebhookEndpoint() {
  return <p>WebhookEndpoint</p>;
}
