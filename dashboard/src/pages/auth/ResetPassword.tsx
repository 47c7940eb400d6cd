// Owned by a dashboard engineer: replace this whole file.
export default function ResetPassword() {
  return <p>ResetPassword</p>;
}
