// Owned by a dashboard engineer: replace this whole file.
export default function EventPage() {
  return <p>EventPage</p>;
}
