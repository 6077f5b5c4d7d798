BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
    $script:defineRecord = { param($Name, $Changed) ConvertTo-OrcTestRecord ('{"schema":"orc.define/v1","task":"' + $Name + '","file":"/s/tasks/' + $Name + '.json","changed":' + $Changed.ToString().ToLowerInvariant() + '}') }
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Register-OrcTask' {
    BeforeEach {
        Mock Get-OrcStoreHome { '/s' }
        Mock Install-OrcExecutable { '/s/bin/orc-exec' }
        Mock Get-OrcBackendTask { }
        Mock Register-OrcBackendTask { [pscustomobject]@{ Name = $Definition.name; Changed = $true } }
        # A store in a hashtable: define keeps the text, 'define <task> --export' returns it.
        $script:stored = @{}
        Mock Invoke-OrcExec {
            $json = $InputObject | ConvertFrom-Json
            $script:stored[$json.name] = $InputObject
            New-OrcExecResult -Records @(& $defineRecord $json.name $true)
        } -ParameterFilter { $ArgumentList[0] -eq 'define' -and $ArgumentList[2] -eq '-' }
        Mock Invoke-OrcExec {
            $name = [System.IO.Path]::GetFileNameWithoutExtension($ArgumentList[2])
            $script:stored[$name] = '{"name":"' + $name + '","action":{"command":"x"}}'
            New-OrcExecResult -Records @(& $defineRecord $name $true)
        } -ParameterFilter { $ArgumentList[0] -eq 'define' -and $ArgumentList[1] -eq '--file' -and $ArgumentList[2] -ne '-' }
        Mock Invoke-OrcExec {
            $name = $ArgumentList[1]
            if (-not $script:stored.ContainsKey($name)) { return (New-OrcExecResult -ExitCode 10 -StdErr "orc-exec: error: task `"$name`" not found") }
            New-OrcExecResult -Records @([pscustomobject]@{ schema = 'orc.export/v1'; task = $name; file = "/s/tasks/$name.json"; json = $script:stored[$name] })
        } -ParameterFilter { $ArgumentList[0] -eq 'define' -and $ArgumentList -contains '--export' }
    }

    Context 'parameter sets' {
        It 'has the parameter sets <Set> with mandatory <Mandatory>' -TestCases @(
            @{ Set = 'OnDemand'; Mandatory = 'Command,Name' }
            @{ Set = 'Cron'; Mandatory = 'Command,Cron,Name' }
            @{ Set = 'AtStartup'; Mandatory = 'AtStartup,Command,Name' }
            @{ Set = 'AtLogOn'; Mandatory = 'AtLogOn,Command,Name' }
            @{ Set = 'Once'; Mandatory = 'Command,Name,Once' }
            @{ Set = 'Every'; Mandatory = 'Command,Every,Name' }
            @{ Set = 'FromPath'; Mandatory = 'Path' }
            @{ Set = 'FromObject'; Mandatory = 'InputObject' }
        ) {
            $parameterSet = (Get-Command Register-OrcTask).ParameterSets | Where-Object Name -EQ $Set
            $parameterSet | Should -Not -BeNullOrEmpty
            (@($parameterSet.Parameters | Where-Object IsMandatory | ForEach-Object Name | Sort-Object) -join ',') | Should -Be $Mandatory
        }

        It 'defaults to the on-demand set and supports ShouldProcess' {
            $command = Get-Command Register-OrcTask
            $command.DefaultParameterSet | Should -Be 'OnDemand'
            $command.Parameters.Keys | Should -Contain 'WhatIf'
            $command.Parameters.Keys | Should -Contain 'Confirm'
        }
    }

    Context 'from parameters' {
        It 'sends the definition as JSON to orc-exec define --file - and registers it with the stable orc-exec' {
            Register-OrcTask -Name db -Command 'C:\x.exe' -ArgumentList '--all' -Cron '0 2 * * *' -Timeout '01:00:00' -DependsOn vpn -Confirm:$false
            Should -Invoke Invoke-OrcExec -Exactly 1 -ParameterFilter {
                if ($null -eq $InputObject) { return $false } # other orc-exec calls (version, --export) send nothing
                $j = $InputObject | ConvertFrom-Json
                $ArgumentList[0] -eq 'define' -and $j.name -eq 'db' -and $j.action.command -eq 'C:\x.exe' -and @($j.action.arguments).Count -eq 1 -and
                $j.schedule.cron -eq '0 2 * * *' -and $j.timeout -eq '1h' -and $j.dependencies.checks[0].task -eq 'vpn' -and $StoreHome -eq '/s'
            }
            Should -Invoke Register-OrcBackendTask -Exactly 1 -ParameterFilter { $Definition.name -eq 'db' -and $ExecPath -eq '/s/bin/orc-exec' -and $StoreHome -eq '/s' }
        }

        It 'changes nothing with -WhatIf' {
            Register-OrcTask -Name db -Command x -WhatIf
            Should -Invoke Invoke-OrcExec -Exactly 0
            Should -Invoke Register-OrcBackendTask -Exactly 0
        }

        It 'says so and does not touch the scheduler when the definition is unchanged and registered' {
            Mock Invoke-OrcExec { New-OrcExecResult -Records @(& $defineRecord 'db' $false) } -ParameterFilter { $ArgumentList[0] -eq 'define' -and $ArgumentList -notcontains '--export' }
            Mock Get-OrcBackendTask { [pscustomobject]@{ Name = 'db'; ExecPath = '/s/bin/orc-exec'; DefinitionHash = $null } }
            $script:stored['db'] = '{"name":"db","action":{"command":"x"}}'
            $info = Register-OrcTask -Name db -Command x -InformationAction SilentlyContinue -InformationVariable iv
            $info | Should -BeNullOrEmpty
            "$iv" | Should -BeLike '*unchanged*nothing to do*'
            Should -Invoke Register-OrcBackendTask -Exactly 0
        }

        It 'updates the registration when the registered hash differs from the definition hash' {
            Mock Invoke-OrcExec { New-OrcExecResult -Records @(& $defineRecord 'db' $false) } -ParameterFilter { $ArgumentList[0] -eq 'define' -and $ArgumentList -notcontains '--export' }
            Mock Invoke-OrcExec { New-OrcExecResult -Records @(ConvertTo-OrcTestRecord ('{"schema":"orc.task/v1","name":"db","valid":true,"definitionHash":"' + ('1' * 64) + '"}')) } -ParameterFilter { $ArgumentList[0] -eq 'list' }
            Mock Get-OrcBackendTask { [pscustomobject]@{ Name = 'db'; ExecPath = '/s/bin/orc-exec'; DefinitionHash = ('2' * 64) } }
            $script:stored['db'] = '{"name":"db","action":{"command":"x"}}'
            Register-OrcTask -Name db -Command x
            Should -Invoke Register-OrcBackendTask -Exactly 1
        }

        It 'updates the registration when it points at another orc-exec' {
            Mock Invoke-OrcExec { New-OrcExecResult -Records @(& $defineRecord 'db' $false) } -ParameterFilter { $ArgumentList[0] -eq 'define' -and $ArgumentList -notcontains '--export' }
            Mock Get-OrcBackendTask { [pscustomobject]@{ Name = 'db'; ExecPath = '/old/module/bin/orc-exec'; DefinitionHash = $null } }
            $script:stored['db'] = '{"name":"db","action":{"command":"x"}}'
            Register-OrcTask -Name db -Command x
            Should -Invoke Register-OrcBackendTask -Exactly 1
        }

        It 'writes Orc.InvalidDefinition with orc-exec''s field, problem and fix, and registers nothing' {
            Mock Invoke-OrcExec {
                New-OrcExecResult -ExitCode 3 -StdErr 'orc-exec: error: bad' -Records @(ConvertTo-OrcTestRecord '{"schema":"orc.validate/v1","valid":false,"errors":[{"field":"schedule.cron","problem":"has 1 fields, not 5","fix":"write five fields"}]}')
            } -ParameterFilter { $ArgumentList[0] -eq 'define' -and $ArgumentList -notcontains '--export' }
            Register-OrcTask -Name db -Command x -Cron nope -ErrorVariable err -ErrorAction SilentlyContinue
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.InvalidDefinition*'
            "$($err[0])" | Should -BeLike 'schedule.cron: has 1 fields, not 5 (fix: write five fields)*'
            Should -Invoke Register-OrcBackendTask -Exactly 0
        }

        It 'reports a scheduler failure in one record and removes the new definition again' {
            Mock Register-OrcBackendTask { throw 'Access is denied' }
            Mock Invoke-OrcExec { $script:stored.Remove($ArgumentList[1]); New-OrcExecResult -Records @([pscustomobject]@{ schema = 'orc.undefine/v1'; task = $ArgumentList[1]; removed = $true }) } -ParameterFilter { $ArgumentList[0] -eq 'undefine' }
            Register-OrcTask -Name db -Command x -ErrorVariable err -ErrorAction SilentlyContinue
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.RegistrationFailed*'
            "$($err[0])" | Should -BeLike '*failed*Access is denied*new definition was removed*'
            $script:stored.ContainsKey('db') | Should -BeFalse
        }

        It 'refuses -Credential together with -GroupManagedServiceAccount (Orc.Usage)' {
            $cred = New-Object System.Management.Automation.PSCredential ('u', (ConvertTo-SecureString 'p' -AsPlainText -Force))
            { Register-OrcTask -Name db -Command x -Credential $cred -GroupManagedServiceAccount 'DOM\g$' } | Should -Throw -ErrorId 'Orc.Usage*'
        }

        It 'passes -Credential to the backend and stores only the user name' {
            $cred = New-Object System.Management.Automation.PSCredential ('DOM\svc', (ConvertTo-SecureString 'p' -AsPlainText -Force))
            Register-OrcTask -Name db -Command x -Credential $cred
            Should -Invoke Invoke-OrcExec -Exactly 1 -ParameterFilter { $InputObject -like '*"runAs":{"type":"user","user":"DOM\\svc","logonType":"password"}*' -and $InputObject -notlike '*"p"*' }
            Should -Invoke Register-OrcBackendTask -Exactly 1 -ParameterFilter { $Credential.UserName -eq 'DOM\svc' }
        }

        It 'returns the task with -PassThru' {
            Mock Get-OrcTask { [pscustomobject]@{ PSTypeName = 'Orchestrator.Task'; Name = $Name } }
            (Register-OrcTask -Name db -Command x -PassThru).Name | Should -Be 'db'
        }
    }

    Context 'from files' {
        BeforeEach {
            $script:folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
            $null = New-Item -ItemType Directory -Path $folder
            foreach ($n in 'a', 'b') { Set-Content -Path (Join-Path $folder "$n.json") -Value ('{"name":"' + $n + '","action":{"command":"x"}}') }
            Set-Content -Path (Join-Path $folder 'notes.txt') -Value 'x'
        }

        It 'registers every *.json of a folder with define --file <path>' {
            Register-OrcTask -Path $folder
            Should -Invoke Invoke-OrcExec -Exactly 2 -ParameterFilter { $ArgumentList[0] -eq 'define' -and $ArgumentList[2] -like '*.json' }
            Should -Invoke Register-OrcBackendTask -Exactly 1 -ParameterFilter { $Definition.name -eq 'a' }
        }

        It 'expands wildcards' {
            Register-OrcTask -Path (Join-Path $folder 'b*.json')
            Should -Invoke Register-OrcBackendTask -Exactly 1 -ParameterFilter { $Definition.name -eq 'b' }
            Should -Invoke Register-OrcBackendTask -Exactly 1
        }

        It 'takes files from the pipeline (Get-ChildItem)' {
            Get-ChildItem -Path $folder -Filter *.json | Register-OrcTask
            Should -Invoke Register-OrcBackendTask -Exactly 2
        }

        It 'writes Orc.PathNotFound for a path that matches nothing' {
            Register-OrcTask -Path (Join-Path $folder 'nope*.json') -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.PathNotFound*'
        }
    }

    Context 'from pipeline objects' {
        It 'takes hashtable definitions by value' {
            @{ name = 'h1'; action = @{ command = 'x' } }, @{ name = 'h2'; action = @{ command = 'y' } } | Register-OrcTask
            Should -Invoke Register-OrcBackendTask -Exactly 2
        }

        It 'takes PSCustomObject definitions and JSON strings' {
            [pscustomobject]@{ name = 'p1'; action = [pscustomobject]@{ command = 'x' } } | Register-OrcTask
            '{"name":"j1","action":{"command":"x"}}' | Register-OrcTask
            Should -Invoke Register-OrcBackendTask -Exactly 1 -ParameterFilter { $Definition.name -eq 'p1' }
            Should -Invoke Register-OrcBackendTask -Exactly 1 -ParameterFilter { $Definition.name -eq 'j1' }
        }

        It 'binds parameter-shaped objects by property name (Name, Command, Cron)' {
            [pscustomobject]@{ Name = 'csv1'; Command = 'x.exe'; Cron = '5 * * * *' } | Register-OrcTask
            Should -Invoke Invoke-OrcExec -Exactly 1 -ParameterFilter { if ($null -eq $InputObject) { return $false }; $j = $InputObject | ConvertFrom-Json; $j.name -eq 'csv1' -and $j.action.command -eq 'x.exe' -and $j.schedule.cron -eq '5 * * * *' }
        }

        It 'passes JSON text to orc-exec as it is and reports its verdict' {
            Mock Invoke-OrcExec { New-OrcExecResult -ExitCode 3 -StdErr 'orc-exec: error: -: invalid character' } -ParameterFilter { $ArgumentList[0] -eq 'define' -and $ArgumentList -notcontains '--export' }
            '{not json' | Register-OrcTask -ErrorVariable err -ErrorAction SilentlyContinue
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.InvalidDefinition*'
        }
    }

    Context 'on Windows' {
        It 'refuses an unelevated session with Orc.NotElevated before orc-exec creates the store or anything is installed' {
            Mock Test-OrcWindows { $true }
            Mock Test-OrcElevated { $false }
            Register-OrcTask -Name db -Command 'C:\x.exe' -ErrorAction SilentlyContinue -ErrorVariable errs
            @($errs).Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'Orc.NotElevated*'
            $errs[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
            $errs[0].Exception.Message | Should -BeLike "*'db'*Run as administrator*"
            Should -Invoke Invoke-OrcExec -Exactly 0
            Should -Invoke Install-OrcExecutable -Exactly 0
            Should -Invoke Register-OrcBackendTask -Exactly 0
        }

        It 'registers from an elevated session' {
            Mock Test-OrcWindows { $true }
            Mock Test-OrcElevated { $true }
            Register-OrcTask -Name db -Command 'C:\x.exe'
            Should -Invoke Register-OrcBackendTask -Exactly 1
        }
    }
}
