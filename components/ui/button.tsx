import type { ButtonHTMLAttributes } from "react";

const styles = {
  primary: "bg-primary text-white hover:bg-primary-dark",
  secondary: "border border-primary bg-white text-primary hover:bg-base-lightest",
  danger: "bg-[#b50909] text-white hover:bg-[#8b0a03]",
};

export function Button({ variant = "primary", className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof styles }) {
  return <button {...props} className={`rounded px-4 py-2 font-semibold disabled:cursor-not-allowed disabled:opacity-60 ${styles[variant]} ${className}`} />;
}
