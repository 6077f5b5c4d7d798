function Get-OrcImportArgument {
    <#
    .SYNOPSIS
        The 'orc-exec import' arguments for a source file and an Import-OrcTask -Format.
    .DESCRIPTION
        Auto picks TaskSchedulerXml when the file starts with a UTF-16 byte order mark or '<' (after an
        optional UTF-8 BOM), TaskList for .json and .csv files, and Crontab otherwise.
    .PARAMETER Path
        The full path of the source file.
    .PARAMETER Format
        Auto, Crontab, TaskSchedulerXml or TaskList.
    .PARAMETER UserColumn
        The crontab has a user column (the /etc/cron.d format).
    .EXAMPLE
        Get-OrcImportArgument -Path /tmp/legacy.cron -Format Auto
        # import --from crontab /tmp/legacy.cron
    .OUTPUTS
        System.String[]
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param(
        [Parameter(Mandatory)]
        [string] $Path,

        [Parameter(Mandatory)]
        [ValidateSet('Auto', 'Crontab', 'TaskSchedulerXml', 'TaskList')]
        [string] $Format,

        [switch] $UserColumn
    )

    $extension = [System.IO.Path]::GetExtension($Path).ToLowerInvariant()
    if ($Format -eq 'Auto') {
        $head = New-Object -TypeName byte[] -ArgumentList 4
        $stream = [System.IO.File]::OpenRead($Path)
        try { $n = $stream.Read($head, 0, 4) } finally { $stream.Dispose() }
        $i = 0
        if ($n -ge 3 -and $head[0] -eq 0xEF -and $head[1] -eq 0xBB -and $head[2] -eq 0xBF) { $i = 3 }
        if ($n -ge 2 -and (($head[0] -eq 0xFF -and $head[1] -eq 0xFE) -or ($head[0] -eq 0xFE -and $head[1] -eq 0xFF))) {
            $Format = 'TaskSchedulerXml'
        }
        elseif ($n -gt $i -and $head[$i] -eq [byte][char]'<') {
            $Format = 'TaskSchedulerXml'
        }
        elseif ($extension -eq '.json' -or $extension -eq '.csv') {
            $Format = 'TaskList'
        }
        else {
            $Format = 'Crontab'
        }
    }
    switch ($Format) {
        'TaskSchedulerXml' { return @('import', '--from', 'taskxml', $Path) }
        'TaskList' {
            $kind = 'json'
            if ($extension -eq '.csv') { $kind = 'csv' }
            return @('import', '--from', 'list', '--format', $kind, $Path)
        }
        default {
            if ($UserColumn) { return @('import', '--from', 'crontab', '--system', $Path) }
            return @('import', '--from', 'crontab', $Path)
        }
    }
}
