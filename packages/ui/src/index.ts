export { cn } from './cn';
export { Button, buttonVariants, type ButtonProps } from './button';
export { Input } from './input';
export { Textarea } from './textarea';
export { Label, Field } from './label';
export {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectTrigger,
  SelectValue,
} from './select';
export { FilterSelect, type FilterOption, type FilterSelectProps } from './filter-select';
export { Checkbox } from './checkbox';
export { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from './card';
export { Badge, badgeVariants, type BadgeProps } from './badge';
export {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from './dialog';
export {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogTitle,
  AlertDialogTrigger,
  ConfirmDialog,
  type ConfirmDialogProps,
} from './alert-dialog';
export {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from './dropdown-menu';
export { Tabs, TabsContent, TabsList, TabsTrigger } from './tabs';
export { CountTabs, type CountTab } from './count-tabs';
export { Tooltip, TooltipContent, TooltipProvider, TooltipRoot, TooltipTrigger } from './tooltip';
export { Popover, PopoverContent, PopoverTrigger } from './popover';
export { Avatar, initials } from './avatar';
export { Skeleton } from './skeleton';
export { EmptyState } from './empty-state';
export { ErrorState, errorMessage } from './error-state';
export { Spinner } from './spinner';
export { Progress } from './progress';
export {
  DataTable,
  DataTableLoadMore,
  DataTablePagination,
  DataTableSearch,
  useClientPagination,
  type DataTableColumn,
  type DataTableProps,
} from './data-table';
export { PageHeader } from './page-header';
export {
  Sidebar,
  SidebarContent,
  SidebarFooter,
  SidebarGroup,
  SidebarHeader,
  SidebarItem,
  sidebarItemClass,
} from './sidebar';
export { CommandPalette, useCommandPaletteShortcut, type CommandAction } from './command-palette';
export { Toaster, toast } from './toaster';
export { ThemeProvider, ThemeToggle, type ThemeChoice, useTheme } from './theme';
export { AreaChartView, BarChartView, type ChartSeries } from './chart';
export { LineChartView, Sparkline } from './line-chart';
export { StatusDot, type Status } from './status-dot';
export { CopyButton } from './copy-button';
export {
  Sheet,
  SheetBody,
  SheetClose,
  SheetContent,
  SheetDescription,
  SheetFooter,
  SheetHeader,
  SheetTitle,
  SheetTrigger,
} from './sheet';
export { Slider } from './slider';
export { Switch } from './switch';
export { TagInput } from './tag-input';
export { Meter } from './meter';
export { Heatmap, type HeatmapProps } from './heatmap';
export { DonutChart, type DonutSlice } from './donut-chart';
export { BandChartView, type BandPoint } from './band-chart';
