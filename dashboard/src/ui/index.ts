export { Badge } from './Badge.tsx';
export { Button, ButtonLink } from './Button.tsx';
export { CopyButton, SecretReveal } from './CopyButton.tsx';
export { Dialog } from './Dialog.tsx';
export { Checkbox, errorFor, FieldShell, FormError, SelectField, TextField } from './Field.tsx';
export { PageHeader } from './PageHeader.tsx';
export { Pagination } from './Pagination.tsx';
export { EmptyState, ErrorState, Loading, Notice } from './States.tsx';
export { Table } from './Table.tsx';
